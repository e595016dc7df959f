using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reject;

/// <summary>"Từ chối" with its reason, for the bot and the console alike: the case is rejected and the resident told why.</summary>
internal sealed class RejectOperation(CaseAccess access, CaseCards cards, ResidentNotifier residents)
{
    public async Task<CaseActionOutcome> RunAsync(ActingOfficial who, long caseId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseActionOutcome.Refused(who.T("Official.NeedText"));
        }

        reason = reason.Trim();
        var (@case, refusal) = await access.CheckAsync(who, caseId, CaseAction.Reject, cancellationToken);
        if (@case is null || (refusal = access.TryApply(who, @case, () => @case.Reject(Actor.Official(who.Official.Id), reason, who.Now))) is not null)
        {
            return CaseActionOutcome.Refused(refusal!);
        }

        await residents.NotifyAsync(@case, "Official.ToResident.Rejected", [@case.TrackingCode, who.Official.Title, reason], cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        return CaseActionOutcome.Done(@case, who.T("Official.Reject.Done", @case.TrackingCode));
    }
}
