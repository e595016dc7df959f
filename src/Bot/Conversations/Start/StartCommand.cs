using ResidentBot.Bot.Conversations.Choices;

namespace ResidentBot.Bot.Conversations.Start;

/// <summary><c>/start</c> greets (officials get their commands); <c>/start CODE</c> is an invite link, offered to the redeemers first.</summary>
internal sealed class StartCommand(IEnumerable<IInviteRedeemer> redeemers) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["start"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Message.CommandArgs is { Length: > 0 } code)
        {
            foreach (var redeemer in redeemers)
            {
                if (await redeemer.TryRedeemAsync(turn, code, cancellationToken))
                {
                    return;
                }
            }
        }

        turn.EndFlow();

        // An onboarded official mostly acts on cards; what they need first is their own commands.
        var greeting = turn.Official is null ? turn.T(turn.Capabilities.ChooseFromMenu("Resident.Start.Greeting")) : HelpText.For(turn);
        turn.Reply(MainMenu.With(turn, greeting));
    }
}
