using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Chase.Supervisors;

/// <summary>Loads a case a supervisor acts on, re-checking in the database that it was escalated to them and is open.</summary>
internal static class SupervisorCase
{
    public static async Task<(Case Case, Official Supervisor)?> LoadAsync(Turn turn, long caseId, CancellationToken cancellationToken) =>
        turn.Official is { } supervisor && await LoadAsync(turn.Db, supervisor.Id, caseId, cancellationToken) is { } @case ? (@case, supervisor) : null;

    /// <summary>The case when it is open and was escalated to <paramref name="supervisorId"/>; the bot and the console ask this alike.</summary>
    public static async Task<Case?> LoadAsync(ResidentBotDbContext db, int supervisorId, long caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var escalatedToThem = await db.CaseEvents.AnyAsync(
            e => e.CaseId == caseId && e.Kind == CaseEventKind.Escalated && e.AddresseeId == supervisorId, cancellationToken);
        return @case is not null && escalatedToThem && @case.Status.IsOpen() ? @case : null;
    }

    public static void Refuse(Turn turn)
    {
        turn.ButtonAnswer = (turn.T("Chase.Action.NotAllowed"), true);
        turn.Reply(turn.T("Chase.Action.NotAllowed"));
    }
}
