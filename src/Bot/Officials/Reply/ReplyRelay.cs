using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reply;

/// <summary>
/// Sends an official's words (and photos) to the resident, and writes the reply into the case log. A photo that could
/// not be stored is explained to the official; the words and the other photos still go, and the photos that go are
/// kept with the case (the official's evidence of the result).
/// </summary>
internal sealed class ReplyRelay(ReplyOperation reply, PhotoPolicy policy)
{
    public async Task RelayAsync(Turn turn, Case @case, CancellationToken cancellationToken)
    {
        var text = turn.Message.Text?.Trim();
        var photos = policy.Kept(turn);
        var refusal = policy.Refusal(turn);
        if (string.IsNullOrEmpty(text) && photos.Count == 0)
        {
            turn.Reply(refusal ?? turn.T("Official.Reply.Sent", @case.TrackingCode));
            return;
        }

        var outcome = await reply.SendAsync(ActingOfficial.Of(turn), @case, text, photos, cancellationToken);
        turn.Reply(outcome.Text);
        if (refusal is not null)
        {
            turn.Reply(refusal);
        }
    }

    public static bool HasContent(InboundMessage message) =>
        !string.IsNullOrWhiteSpace(message.Text) || message.Photos.Count > 0;
}
