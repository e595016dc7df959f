using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Notifications;
using ResidentBot.Persistence.Cases;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Conversations.Report;

/// <summary>
/// Turns a confirmed draft into a case assigned to its one accountable official, inside the turn's
/// transaction: the tracking code, the case, its card to the official and the reply commit together. A report that
/// looks like an active case is first offered as a follower of it.
/// </summary>
internal sealed partial class ReportSubmitter(
    CurrentRouting routing,
    TrackingCodeAllocator codes,
    IOptions<CaseOptions> options,
    CaseCards cards,
    Duplicates.DuplicateOffer duplicates,
    ILogger<ReportSubmitter> logger)
{
    public async Task SubmitAsync(Turn turn, ReportDraft draft, CancellationToken cancellationToken)
    {
        var engine = await routing.GetAsync(cancellationToken);
        if (!draft.ReportAnyway && await duplicates.TryOfferAsync(turn, draft, engine, cancellationToken))
        {
            return;
        }

        var now = turn.Now;
        var decision = engine.Reroute(draft.AreaId!.Value, draft.CategoryCode!, now);
        var zone = engine.Calendar.TimeZone;
        var code = await codes.NextAsync(options.Value.TrackingPrefix, TimeZoneInfo.ConvertTime(now, zone).Year, cancellationToken);

        var report = new NewCase(turn.Resident.Id, decision.Category.Id, decision.Area.Id, draft.Description!,
            draft.Latitude, draft.Longitude, draft.AddressText, draft.Anonymous, draft.Publish);
        var @case = Case.Create(report, code, now);
        @case.Assign(decision.ToAssignment(), Actor.System, now);
        foreach (var photo in draft.Photos)
        {
            @case.Attach(new CaseAttachment
            {
                Channel = turn.Message.Channel, FileRef = photo.FileRef, ContentType = photo.ContentType, AddedBy = ActorKind.Resident, AddedAt = now,
            });
        }

        turn.Db.Cases.Add(@case);
        await turn.Db.SaveChangesAsync(cancellationToken); // the case card is tagged with the generated id
        await cards.SendAsync(@case, cancellationToken);

        turn.EndFlow();
        var reply = MainMenu.With(turn, turn.T("Resident.Report.Submitted", code, decision.Official.Title, ReportPrompts.PlaceName(engine, decision.Area.Id),
            TimeText.Local(decision.AcknowledgeDueAt, zone), TimeText.Local(decision.ResolveDueAt, zone)));
        turn.Reply(reply with { Tag = CaseTag.For(@case.Id) });
        LogSubmitted(code, decision.Area.Code, decision.Official.Code);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingCode} reported in {AreaCode}, accountable {OfficialCode}")]
    private partial void LogSubmitted(string trackingCode, string areaCode, string officialCode);
}
