using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Conversations.Report.Duplicates;

/// <summary>
/// The resident's choice on an offered duplicate: follow it (what they wrote and their photos reach its official as
/// added information) or send their report anyway. Honoured only while the report waits for that choice.
/// </summary>
internal sealed class DuplicateButtons(ReportSubmitter submitter, OfficialNotifier officials, CaseCards cards) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [DuplicateOffer.Follow, DuplicateOffer.ReportAnyway];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var draft = turn.Conversation is { Flow: ReportSteps.Flow, Step: DuplicateOffer.Step } ? turn.Data<ReportDraft>() : null;
        if (draft?.OfferedDuplicateId is not { } offered)
        {
            turn.ButtonAnswer = (turn.T("Resident.Report.Expired"), true);
            return;
        }

        draft.ReportAnyway = true;
        if (action == DuplicateOffer.ReportAnyway)
        {
            await submitter.SubmitAsync(turn, draft, cancellationToken);
            return;
        }

        var @case = long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == offered
            ? await turn.Db.Cases.Include(c => c.Followers).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        if (@case is null || !@case.Status.IsActive())
        {
            if (@case is not null)
            {
                turn.Reply(turn.T("Resident.Duplicate.Gone", @case.TrackingCode));
            }

            await submitter.SubmitAsync(turn, draft, cancellationToken);
            return;
        }

        await FollowAsync(turn, @case, draft, cancellationToken);
    }

    private async Task FollowAsync(Turn turn, Case @case, ReportDraft draft, CancellationToken cancellationToken)
    {
        var resident = Actor.Resident(turn.Resident.Id);
        @case.Follow(turn.Resident.Id, turn.Now);
        @case.Record(CaseEventKind.InformationAdded, resident, turn.Now, draft.Description);
        foreach (var photo in draft.Photos)
        {
            @case.Attach(new CaseAttachment
            {
                Channel = turn.Message.Channel, FileRef = photo.FileRef, ContentType = photo.ContentType, AddedBy = ActorKind.Resident, AddedAt = turn.Now,
            });
        }

        await officials.ForwardFromResidentAsync(@case, draft.Description,
            [.. draft.Photos.Select(p => new InboundFile(p.FileRef, null, p.ContentType))], cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        turn.EndFlow();
        turn.Reply(MainMenu.With(turn, turn.T("Resident.Duplicate.Following", @case.TrackingCode)) with { Tag = CaseTag.For(@case.Id) });
    }
}
