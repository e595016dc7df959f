using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Chase.Supervisors;

/// <summary>Loads a case a supervisor acts on, re-checking in the database that it was escalated to them and is open.</summary>
internal static class SupervisorCase
{
    public static async Task<(Case Case, Official Supervisor)?> LoadAsync(Turn turn, long caseId, CancellationToken cancellationToken)
    {
        if (turn.Official is not { } supervisor)
        {
            return null;
        }

        var @case = await turn.Db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var escalatedToThem = await turn.Db.CaseEvents.AnyAsync(
            e => e.CaseId == caseId && e.Kind == CaseEventKind.Escalated && e.AddresseeId == supervisor.Id, cancellationToken);
        return @case is not null && escalatedToThem && @case.Status.IsOpen() ? (@case, supervisor) : null;
    }

    public static void Refuse(Turn turn)
    {
        turn.ButtonAnswer = (turn.T("Chase.Action.NotAllowed"), true);
        turn.Reply(turn.T("Chase.Action.NotAllowed"));
    }
}
