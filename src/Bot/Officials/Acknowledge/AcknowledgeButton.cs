using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;

namespace ResidentBot.Bot.Officials.Acknowledge;

/// <summary>"Tiếp nhận": the official takes the case in; the resident is told who (by title).</summary>
internal sealed class AcknowledgeButton(AcknowledgeOperation acknowledge) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [OfficialActions.Acknowledge];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (turn.Official is null || !OfficialActions.TryParseIds(argument, out var ids))
        {
            CaseAccess.Refuse(turn, turn.T("Official.NotYours"));
            return;
        }

        var outcome = await acknowledge.RunAsync(ActingOfficial.Of(turn), ids[0], cancellationToken);
        turn.ButtonAnswer = (outcome.Text, !outcome.IsDone);
    }
}
