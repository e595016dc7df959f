using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Persistence;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Transfer;

/// <summary>
/// Moves a case to the official the routing engine names for the new ward and category: the log keeps the
/// reason with the engine's explanation, the new official gets the card, the old one and the resident are told.
/// </summary>
internal sealed partial class CaseTransfer(
    ResidentBotDbContext db,
    CurrentRouting routing,
    CaseAccess access,
    CaseCards cards,
    ResidentNotifier residents,
    ILogger<CaseTransfer> logger)
{
    /// <summary>Checks that the official may transfer the case, then transfers it (the console's entry).</summary>
    public async Task<CaseActionOutcome> RunAsync(ActingOfficial who, long caseId, int areaId, int categoryId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseActionOutcome.Refused(who.T("Official.NeedText"));
        }

        var engine = await routing.GetAsync(cancellationToken);
        if (!engine.Directory.AreasById.ContainsKey(areaId) || !engine.Directory.CategoriesById.ContainsKey(categoryId))
        {
            return CaseActionOutcome.Refused(who.T("Official.NotYours"));
        }

        var (@case, refusal) = await access.CheckAsync(who, caseId, CaseAction.Transfer, cancellationToken);
        return @case is null ? CaseActionOutcome.Refused(refusal!) : await TransferAsync(who, @case, areaId, categoryId, reason.Trim(), cancellationToken);
    }

    /// <summary>Transfers a case already checked (the bot's flow checks at each step).</summary>
    public async Task<CaseActionOutcome> TransferAsync(ActingOfficial who, Case @case, int areaId, int categoryId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(@case);
        var from = who.Official;
        var decision = (await routing.GetAsync(cancellationToken)).Reroute(areaId, categoryId, who.Now);
        if (decision.Official.Id == from.Id)
        {
            return CaseActionOutcome.Refused(who.T("Official.Transfer.SameOfficial", @case.TrackingCode));
        }

        if (access.TryApply(who, @case, () =>
                @case.Transfer(Actor.Official(from.Id), reason, areaId, categoryId,
                    decision.ToAssignment() with { Reasons = [RoutingReason.TransferredBy(from.Title, reason), .. decision.Reasons] }, who.Now)) is { } refusal)
        {
            return CaseActionOutcome.Refused(refusal);
        }

        // The loaded case's navigation may still point at the old official (tracked as the sender); left alone, EF's
        // change detection would put the old foreign key back on save. Point it at the new official too.
        db.Entry(@case).Reference(c => c.AccountableOfficial).CurrentValue =
            await db.Officials.SingleAsync(o => o.Id == decision.Official.Id, cancellationToken);
        LogTransferred(@case.TrackingCode, from.Code, decision.Official.Code, reason);
        await cards.SendAsync(@case, cancellationToken);
        await residents.NotifyAsync(@case, "Official.ToResident.Transferred",
            [@case.TrackingCode, decision.Area.Name, decision.Official.Title, reason], cancellationToken);
        return CaseActionOutcome.Done(@case, who.T("Official.Transfer.Done", @case.TrackingCode, decision.Area.Name, decision.Official.Title));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingCode} transferred from {FromOfficial} to {ToOfficial}: {Reason}")]
    private partial void LogTransferred(string trackingCode, string fromOfficial, string toOfficial, string reason);
}
