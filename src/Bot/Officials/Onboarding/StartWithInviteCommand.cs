using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>
/// Temporary owner of /start until the residents' /start handler (which calls the redeemer) is merged:
/// redeems invite deep links and otherwise shows help.
/// </summary>
internal sealed class StartWithInviteCommand(InviteRedeemer redeemer) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["start"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.Message.CommandArgs is { Length: > 0 } code && await redeemer.TryRedeemAsync(turn, code, cancellationToken))
        {
            return;
        }

        turn.Reply(turn.T(turn.Official is null ? "Common.Help" : "Common.HelpOfficial"), KeyboardKind.MainMenu);
    }
}
