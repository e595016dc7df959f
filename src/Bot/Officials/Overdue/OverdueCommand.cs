using System.Text;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.Queue;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Escalation;

namespace ResidentBot.Bot.Officials.Overdue;

/// <summary>/overdue: for supervisors, the overdue open cases in their areas and every area below, and who is responsible.</summary>
internal sealed class OverdueCommand(CurrentRouting routing) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["overdue"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var directory = (await routing.GetAsync(cancellationToken)).Directory;
        var areas = turn.Official is { } official ? SupervisorScope.Of(directory, official.Id, turn.Now) : [];
        if (areas.Count == 0)
        {
            turn.Reply(turn.T("Official.Overdue.NotSupervisor"));
            return;
        }

        var cases = (await turn.Db.Cases.AsNoTracking()
                .Where(c => areas.Contains(c.AreaId) && CaseStatuses.Open.Contains(c.Status))
                .ToListAsync(cancellationToken))
            .Where(c => DueText.IsOverdue(c, turn.Now))
            .OrderBy(c => DueText.NextDue(c)).ThenBy(c => c.Id).ToList();
        if (cases.Count == 0)
        {
            turn.Reply(turn.T("Official.Overdue.Empty"));
            return;
        }

        var text = new StringBuilder(turn.T("Official.Overdue.Header", cases.Count));
        foreach (var @case in cases)
        {
            var responsible = @case.AccountableOfficialId is { } id ? directory.OfficialsById.GetValueOrDefault(id) : null;
            text.Append("\n\n").Append(turn.T("Official.Overdue.Line",
                @case.TrackingCode,
                directory.AreasById.GetValueOrDefault(@case.AreaId)?.Name,
                turn.T($"Official.Status.{@case.Status}"),
                DueText.Describe(turn, @case),
                responsible?.Title));
        }

        turn.Reply(text.ToString());
    }
}
