using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Dialogues.Announce;

namespace ResidentBot.Bot.Dialogues.Listing;

/// <summary>
/// <c>/doithoai</c> (<c>/dialogue</c>): the dialogues that concern the sender, with buttons to be reminded, to ask and to
/// read the summary; a leader also gets "announce a new one". <c>/doithoai &lt;official code&gt;</c>: an administrator
/// announces for that leader.
/// </summary>
internal sealed class DialogueCommand(DialogueListing listing, DialogueHosts hosts) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["doithoai", "dialogue"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var code = turn.Message.CommandArgs?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            await hosts.StartAsync(turn, code, cancellationToken);
            return;
        }

        await listing.ShowAsync(turn, cancellationToken);
    }
}
