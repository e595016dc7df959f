using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Acknowledge;

/// <summary>"Tiếp nhận", for the bot's button and the console alike: access check → transition → tell the resident who → refresh the cards.</summary>
internal sealed class AcknowledgeOperation(CaseAccess access, CaseCards cards, ResidentNotifier residents)
{
    public async Task<CaseActionOutcome> RunAsync(ActingOfficial who, long caseId, CancellationToken cancellationToken)
    {
        var (@case, refusal) = await access.CheckAsync(who, caseId, CaseAction.Acknowledge, cancellationToken);
        if (@case is null || (refusal = access.TryApply(who, @case, () => @case.Acknowledge(Actor.Official(who.Official.Id), who.Now))) is not null)
        {
            return CaseActionOutcome.Refused(refusal!);
        }

        await residents.NotifyAsync(@case, "Official.ToResident.Acknowledged", [@case.TrackingCode, who.Official.Title], cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        return CaseActionOutcome.Done(@case, who.T("Official.Acknowledge.Done", @case.TrackingCode));
    }
}
