using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Conversations.Language;

/// <summary><c>/lang</c> switches between Vietnamese and English; the choice is kept on the resident.</summary>
internal sealed class LanguageCommand : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["lang", "language"];

    public Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.Resident.Language = turn.Language == Texts.English ? Texts.Vietnamese : Texts.English;
        turn.Reply(MainMenu.With(turn, turn.T("Resident.Language.Switched")));
        return Task.CompletedTask;
    }
}
