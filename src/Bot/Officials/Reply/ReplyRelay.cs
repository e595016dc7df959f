using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reply;

/// <summary>Sends an official's words (and photos) to the resident, and writes the reply into the case log.</summary>
internal sealed class ReplyRelay(ResidentNotifier residents)
{
    public async Task RelayAsync(Turn turn, Case @case, CancellationToken cancellationToken)
    {
        var official = turn.Official!;
        var text = turn.Message.Text?.Trim();
        var photos = turn.Message.Photos;
        await residents.RelayReplyAsync(@case, official.Title, text, photos, cancellationToken);
        @case.Record(CaseEventKind.RepliedToResident, Actor.Official(official.Id), turn.Now,
            string.IsNullOrEmpty(text) ? $"[{photos.Count} photo(s)]" : text);
        turn.Reply(turn.T("Official.Reply.Sent", @case.TrackingCode));
    }

    public static bool HasContent(InboundMessage message) =>
        !string.IsNullOrWhiteSpace(message.Text) || message.Photos.Count > 0;
}
