using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;

namespace ResidentBot.Bot.Chase.Supervisors;

/// <summary>Asks the supervisor for the reason, then extends the resolve deadline and tells the resident why (<see cref="SupervisorOperations"/>).</summary>
internal sealed class ExtendDeadlineFlow(SupervisorOperations operations) : IFlowHandler
{
    public const string Name = "chase.extend";
    public const string ReasonStep = "reason";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var reason = turn.Message.Text?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            turn.Reply(turn.T("Chase.Extend.ReasonRequired"));
            return;
        }

        var state = turn.Data<State>();
        turn.EndFlow();
        if (state is null || turn.Official is null)
        {
            SupervisorCase.Refuse(turn);
            return;
        }

        var outcome = await operations.ExtendAsync(ActingOfficial.Of(turn), state.CaseId, reason, cancellationToken);
        if (outcome.IsDone)
        {
            turn.Reply(outcome.Text);
        }
        else
        {
            SupervisorCase.Refuse(turn);
        }
    }

    internal sealed record State(long CaseId);
}
