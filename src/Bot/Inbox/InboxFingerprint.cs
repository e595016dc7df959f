using System.Security.Cryptography;
using System.Text;
using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Inbox;

/// <summary>
/// Tells a redelivery from a new update that reuses an id. Built from what the channel itself says identifies the
/// update's content — the chat, the sender, the message id or the button press's id (new for every new message or
/// press, repeated by a redelivery) — not from how we render the rest, so it stays the same across versions of the
/// mapping. Text counts only for the rare update that carries neither id.
/// </summary>
internal static class InboxFingerprint
{
    public static string Of(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var identity = message.MessageId is null && message.CallbackId is null
            ? $"{message.ChatId}\n{message.UserId}\n\n\n{message.Text}"
            : $"{message.ChatId}\n{message.UserId}\n{message.MessageId}\n{message.CallbackId}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
    }
}
