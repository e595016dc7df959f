using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Chase.Supervisors;

/// <summary>
/// What a supervisor can do with a case escalated to them — urge, reassign within the area, extend the deadline with
/// a reason — for the bot's buttons and the console alike: the same check (<see cref="SupervisorCase"/>), the same
/// transitions and notices.
/// </summary>
internal sealed class SupervisorOperations(
    ResidentBotDbContext db, ChaseRules rules, OfficialNotifier officials, CaseCards cards, ResidentNotifier residents)
{
    public async Task<CaseActionOutcome> UrgeAsync(ActingOfficial who, long caseId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(who, caseId, cancellationToken) is not { } @case)
        {
            return Refused(who);
        }

        var supervisor = who.Official;
        @case.Record(CaseEventKind.Urged, Actor.Official(supervisor.Id), who.Now, $"Urged by {supervisor.Title}", @case.AccountableOfficialId);
        await officials.SendAsync(@case.AccountableOfficialId!.Value, null, chat => new OutboundMessage
        {
            Text = chat.T("Chase.Urge.ToOfficial", @case.TrackingCode, supervisor.Title),
            Tag = CaseTag.For(@case.Id),
        }, cancellationToken);
        return CaseActionOutcome.Done(@case, who.T("Chase.Urge.Done", @case.TrackingCode));
    }

    /// <summary>Officials in post in the case's area, other than the one accountable now: whom the case may be handed to.</summary>
    public async Task<IReadOnlyList<Official>> CandidatesAsync(Case @case, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var directory = (await rules.GetAsync(cancellationToken)).Engine.Directory;
        return [.. directory.Posts
            .Where(p => p.AreaId == @case.AreaId && p.IsValidAt(now) && p.OfficialId != @case.AccountableOfficialId)
            .Select(p => p.OfficialId).Distinct()
            .Select(id => directory.OfficialsById[id])];
    }

    public async Task<CaseActionOutcome> ReassignAsync(ActingOfficial who, long caseId, int officialId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(who, caseId, cancellationToken) is not { } @case
            || (await CandidatesAsync(@case, who.Now, cancellationToken)).FirstOrDefault(o => o.Id == officialId) is not { } official)
        {
            return Refused(who);
        }

        var view = await rules.GetAsync(cancellationToken);
        var supervisorTitle = who.Official.Title;
        var former = @case.AccountableOfficialId!.Value;
        var due = view.Engine.DeadlinesFrom(@case.CategoryId, who.Now);
        var explanation = $"Reassigned to {official.Title} by {supervisorTitle}";
        @case.Reassign(Actor.Official(who.Official.Id), explanation,
            new Assignment(officialId, explanation, due.AcknowledgeDueAt, due.ResolveDueAt, [RoutingReason.ReassignedBy(supervisorTitle)]), who.Now);
        await cards.SendAsync(@case, cancellationToken);
        await officials.SendAsync(former, null, chat => new OutboundMessage
        {
            Text = chat.T("Chase.Reassign.ToFormer", @case.TrackingCode, supervisorTitle, official.Title),
            Tag = CaseTag.For(@case.Id),
        }, cancellationToken);
        await residents.NotifyAsync(@case, "Chase.Resident.Reassigned", [@case.TrackingCode, official.Title], cancellationToken);
        return CaseActionOutcome.Done(@case, who.T("Chase.Reassign.Done", @case.TrackingCode, official.Title));
    }

    /// <summary>Extends the resolve deadline by the configured span (in the category's clock) and tells the resident and the official why.</summary>
    public async Task<CaseActionOutcome> ExtendAsync(ActingOfficial who, long caseId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseActionOutcome.Refused(who.T("Chase.Extend.ReasonRequired"));
        }

        if (await LoadAsync(who, caseId, cancellationToken) is not { } @case)
        {
            return Refused(who);
        }

        reason = reason.Trim();
        var supervisor = who.Official;
        var view = await rules.GetAsync(cancellationToken);
        var from = @case.ResolveDueAt is { } current && current > who.Now ? current : who.Now;
        var newDue = view.Clock(@case).Add(from, ChasePolicy.InClock(view.Options.ExtendBy, view.Category(@case), view.Engine.Calendar));
        @case.ExtendDeadline(Actor.Official(supervisor.Id), $"{reason} ({supervisor.Title})", newDue, who.Now);
        var date = TimeText.Local(newDue, view.Engine.Calendar.TimeZone);
        await residents.NotifyAsync(@case, "Chase.Resident.Extended", [@case.TrackingCode, date, reason], cancellationToken);
        await officials.SendAsync(@case.AccountableOfficialId!.Value, null, chat => new OutboundMessage
        {
            Text = chat.T("Chase.Extend.ToOfficial", @case.TrackingCode, date, supervisor.Title, reason),
            Tag = CaseTag.For(@case.Id),
        }, cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        return CaseActionOutcome.Done(@case, who.T("Chase.Extend.Done", @case.TrackingCode, date));
    }

    private Task<Case?> LoadAsync(ActingOfficial who, long caseId, CancellationToken cancellationToken) =>
        SupervisorCase.LoadAsync(db, who.Official.Id, caseId, cancellationToken);

    private static CaseActionOutcome Refused(ActingOfficial who) => CaseActionOutcome.Refused(who.T("Chase.Action.NotAllowed"));
}
