namespace ResidentBot.Bot.Conversations.Start;

/// <summary><c>/help</c>: the commands, with the main menu.</summary>
internal sealed class HelpCommand : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["help"];

    public Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.Reply(MainMenu.With(turn, HelpText.For(turn)));
        return Task.CompletedTask;
    }
}
