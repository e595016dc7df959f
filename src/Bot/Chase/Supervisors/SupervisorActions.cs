using System.Globalization;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Officials.CaseCard;

namespace ResidentBot.Bot.Chase.Supervisors;

/// <summary>What a supervisor can do with an escalated case: urge, reassign within the area, extend the deadline.</summary>
internal sealed class SupervisorActions(SupervisorOperations operations, ButtonCodec buttons) : IButtonHandler
{
    public const string Urge = "s.urge";
    public const string Reassign = "s.reas";
    public const string ReassignTo = "s.to";
    public const string Extend = "s.ext";

    public IReadOnlyCollection<string> Actions { get; } = [Urge, Reassign, ReassignTo, Extend];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split('.');
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var caseId)
            || await SupervisorCase.LoadAsync(turn, caseId, cancellationToken) is not var (@case, _))
        {
            SupervisorCase.Refuse(turn);
            return;
        }

        var who = ActingOfficial.Of(turn);
        switch (action)
        {
            case Urge:
                var urged = await operations.UrgeAsync(who, caseId, cancellationToken);
                turn.ButtonAnswer = (urged.Text, !urged.IsDone);
                break;
            case Reassign:
                var rows = (await operations.CandidatesAsync(@case, turn.Now, cancellationToken))
                    .Select(o => (IReadOnlyList<OutboundButton>)[buttons.Button(o.Title, ReassignTo,
                        string.Create(CultureInfo.InvariantCulture, $"{@case.Id}.{o.Id}"), turn.Message.UserId)])
                    .ToList();
                turn.Reply(new OutboundMessage { Text = turn.T("Chase.Reassign.Choose", @case.TrackingCode), Buttons = rows });
                break;
            case ReassignTo when parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to):
                var reassigned = await operations.ReassignAsync(who, caseId, to, cancellationToken);
                if (reassigned.IsDone)
                {
                    turn.Reply(reassigned.Text);
                }
                else
                {
                    SupervisorCase.Refuse(turn);
                }

                break;
            case Extend:
                turn.StartFlow(ExtendDeadlineFlow.Name, ExtendDeadlineFlow.ReasonStep, new ExtendDeadlineFlow.State(caseId));
                turn.Reply(turn.T("Chase.Extend.AskReason", @case.TrackingCode));
                break;
            default:
                SupervisorCase.Refuse(turn);
                break;
        }
    }
}
