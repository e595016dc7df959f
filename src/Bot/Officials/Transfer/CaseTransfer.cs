using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Transfer;

/// <summary>
/// Moves a case to the official the routing engine names for the new ward and category: the log keeps the
/// reason with the engine's explanation, the new official gets the card, the old one and the resident are told.
/// </summary>
internal sealed partial class CaseTransfer(
    CurrentRouting routing,
    CaseAccess access,
    CaseCards cards,
    ResidentNotifier residents,
    ILogger<CaseTransfer> logger)
{
    public async Task TransferAsync(Turn turn, Case @case, int areaId, int categoryId, string reason, CancellationToken cancellationToken)
    {
        var from = turn.Official!;
        var decision = (await routing.GetAsync(cancellationToken)).Reroute(areaId, categoryId, turn.Now);
        if (decision.Official.Id == from.Id)
        {
            turn.Reply(turn.T("Official.Transfer.SameOfficial", @case.TrackingCode));
            return;
        }

        if (!access.TryApply(turn, @case, () =>
                @case.Transfer(Actor.Official(from.Id), reason, areaId, categoryId,
                    decision.ToAssignment() with { Reasons = [RoutingReason.TransferredBy(from.Title, reason), .. decision.Reasons] }, turn.Now)))
        {
            return;
        }

        // The loaded case's navigation still points at the old official (tracked as the sender); left alone, EF's
        // change detection would put the old foreign key back on save. Point it at the new official too.
        turn.Db.Entry(@case).Reference(c => c.AccountableOfficial).CurrentValue =
            await turn.Db.Officials.SingleAsync(o => o.Id == decision.Official.Id, cancellationToken);
        LogTransferred(@case.TrackingCode, from.Code, decision.Official.Code, reason);
        await cards.SendAsync(@case, cancellationToken);
        await residents.NotifyAsync(@case, "Official.ToResident.Transferred",
            [@case.TrackingCode, decision.Area.Name, decision.Official.Title, reason], cancellationToken);
        turn.Reply(turn.T("Official.Transfer.Done", @case.TrackingCode, decision.Area.Name, decision.Official.Title));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingCode} transferred from {FromOfficial} to {ToOfficial}: {Reason}")]
    private partial void LogTransferred(string trackingCode, string fromOfficial, string toOfficial, string reason);
}
