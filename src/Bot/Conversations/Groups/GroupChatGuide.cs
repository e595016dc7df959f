using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Conversations.Groups;

/// <summary>
/// A group chat. A report and a case belong to one person, while in a group everyone reads every answer, two members
/// would write one report, and anonymous admins of every group arrive as one user: so nothing is kept about a group or
/// its members (no resident, no dialogue), and what is addressed to the bot is answered with a link to a private chat.
/// </summary>
internal sealed class GroupChatGuide(OutboxWriter outbox)
{
    /// <summary>Answers the group; returns what to show the presser of a button (they alone see it).</summary>
    public (string? Text, bool Alert) Answer(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var language = Texts.Normalize(message.LanguageCode);
        if (message.Kind == InboundKind.ButtonPress)
        {
            return (Texts.Get(language, "Group.ButtonPrivateOnly"), true);
        }

        var text = message.PrivateChatLink is { } link
            ? Texts.Format(language, "Group.PrivateOnly", link)
            : Texts.Get(language, "Group.PrivateOnlyNoLink");
        outbox.Enqueue(message.Channel, message.ChatId, new OutboundMessage { Text = text });
        return (null, false);
    }
}
