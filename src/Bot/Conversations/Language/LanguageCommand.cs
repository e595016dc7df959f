using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Conversations.Language;

/// <summary>
/// <c>/lang</c> switches between Vietnamese and English; <c>/lang en</c> and <c>/lang vi</c> choose one (a client's
/// own language switch sends that). The choice is kept on the resident.
/// </summary>
internal sealed class LanguageCommand : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["lang", "language"];

    public Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.Resident.Language = turn.Message.CommandArgs?.Trim().ToLowerInvariant() switch
        {
            Texts.English or "english" => Texts.English,
            Texts.Vietnamese or "tieng viet" or "tiếng việt" => Texts.Vietnamese,
            _ => turn.Language == Texts.English ? Texts.Vietnamese : Texts.English,
        };

        // In the middle of a report the menu stays away (its "Report" would start over); its labels work in either language.
        var text = turn.T("Resident.Language.Switched");
        turn.Reply(turn.Conversation.Flow is null ? MainMenu.With(turn, text) : new OutboundMessage { Text = text });
        return Task.CompletedTask;
    }
}
