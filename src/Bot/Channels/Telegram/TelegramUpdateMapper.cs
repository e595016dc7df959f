using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// Turns a Telegram <see cref="Update"/> into an <see cref="InboundMessage"/>; returns null when there is no chat to
/// answer. Never throws: an odd update becomes <see cref="InboundKind.Unsupported"/> or null. From a group or
/// supergroup only what is addressed to the bot comes through (a command for it, a mention, a reply to it, being
/// added, a press of a button): everyone in a group reads each answer, so the rest of the group's talk is not ours
/// to answer, nor to store. Channel posts have nobody to answer.
/// </summary>
internal sealed class TelegramUpdateMapper(TelegramBotIdentity identity)
{
    public const string Channel = "telegram";

    /// <summary>The <c>/start</c> argument of the link a group is given, so the private chat begins as usual.</summary>
    public const string FromGroupStart = "group";

    public InboundMessage? Map(Update? update)
    {
        if (update is null)
        {
            return null;
        }

        try
        {
            return update switch
            {
                { Message: { Chat: { } chat } m } when IsGroup(chat) => AddressedToUs(m) ? InGroup(MapMessage(update.Id, m)) : null,
                { Message: { } m } => MapMessage(update.Id, m),
                { CallbackQuery: { Message.Chat: { } chat } q } when IsGroup(chat) => InGroup(MapCallback(update.Id, q)),
                { CallbackQuery: { } q } => MapCallback(update.Id, q),
                { MyChatMember: { } member } => IsGroup(member.Chat) && AddedToGroup(member)
                    ? InGroup(Base(update.Id, member.Chat.Id, member.From, null) with { Kind = InboundKind.Unsupported })
                    : null, // a private chat's member change is a user stopping or restarting the bot: nothing to answer
                _ => MapOther(update),
            };
        }
#pragma warning disable CA1031 // A malformed update must become "nothing to answer", never crash the receiver.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private InboundMessage? MapMessage(int updateId, Message m)
    {
        if (m.Chat is null)
        {
            return null;
        }

        var message = Base(updateId, m.Chat.Id, m.From, m) with
        {
            MessageId = Id(m.Id),
            ReplyToMessageId = m.ReplyToMessage is { } r ? Id(r.Id) : null,
        };

        if (m.Text is { } text)
        {
            return TelegramCommandParser.TryParse(text, identity.Username) is { } cmd
                ? message with { Kind = cmd.ForUs ? InboundKind.Command : InboundKind.Unsupported, Text = text, Command = cmd.ForUs ? cmd.Name : null, CommandArgs = cmd.ForUs ? cmd.Args : null }
                : message with { Kind = InboundKind.Text, Text = text };
        }

        if (m.Location is { } loc)
        {
            return message with { Kind = InboundKind.Location, Location = new GeoPoint(loc.Latitude, loc.Longitude) };
        }

        if (m.Photo is { Length: > 0 } sizes)
        {
            var largest = sizes.OrderByDescending(p => (long)p.Width * p.Height).ThenByDescending(p => p.FileSize ?? 0).First();
            return message with { Kind = InboundKind.Photo, Text = m.Caption, Photos = [new InboundFile(largest.FileId, largest.FileSize)] };
        }

        if (m.Document is { MimeType: { } mime } doc && mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            // An uncompressed photo sent "as a file" is still a photo of the problem.
            return message with { Kind = InboundKind.Photo, Text = m.Caption, Photos = [new InboundFile(doc.FileId, doc.FileSize, mime)] };
        }

        // Only the sender's own contact is a verified phone number; a forwarded contact card is someone else's.
        if (m.Contact is { } contact && m.From is { } from && contact.UserId == from.Id)
        {
            return message with { Kind = InboundKind.Contact, ContactPhone = contact.PhoneNumber };
        }

        return message with { Kind = InboundKind.Unsupported, Text = m.Caption };
    }

    private static InboundMessage MapCallback(int updateId, CallbackQuery q)
    {
        // Without a message (inline mode) the private chat id equals the user id.
        var chatId = q.Message?.Chat?.Id ?? q.From.Id;
        return Base(updateId, chatId, q.From, null) with
        {
            Kind = InboundKind.ButtonPress,
            CallbackId = q.Id,
            CallbackData = q.Data,
            MessageId = q.Message is { } m ? Id(m.Id) : null,
        };
    }

    private static InboundMessage? MapOther(Update update)
    {
        var message = update.EditedMessage ?? update.ChannelPost ?? update.EditedChannelPost
            ?? update.BusinessMessage ?? update.EditedBusinessMessage;
        if (message?.Chat is { } chat)
        {
            if (chat.Type != ChatType.Private)
            {
                return null; // an edit in a group, a channel post: nobody asked us
            }

            return Base(update.Id, chat.Id, message.From, message) with { Kind = InboundKind.Unsupported, MessageId = Id(message.Id) };
        }

        var user = update.InlineQuery?.From ?? update.PreCheckoutQuery?.From;
        return user is not null ? Base(update.Id, user.Id, user, null) with { Kind = InboundKind.Unsupported } : null;
    }

    private static bool IsGroup(Chat chat) => chat.Type is ChatType.Group or ChatType.Supergroup;

    private bool AddressedToUs(Message m)
    {
        if (m.Text is { } text && TelegramCommandParser.TryParse(text, identity.Username) is { ForUs: true })
        {
            return true;
        }

        if (identity.Username is not { } username)
        {
            return false;
        }

        var mention = "@" + username;
        var mentioned = m.Text is { } said && (m.Entities ?? []).Any(e => e.Type == MessageEntityType.Mention
            && e.Offset >= 0 && e.Length == mention.Length && e.Offset + e.Length <= said.Length
            && string.Equals(said.Substring(e.Offset, e.Length), mention, StringComparison.OrdinalIgnoreCase));
        var repliedToUs = m.ReplyToMessage?.From is { IsBot: true, Username: { } to }
            && string.Equals(to, username, StringComparison.OrdinalIgnoreCase);
        return mentioned || repliedToUs;
    }

    private static bool AddedToGroup(ChatMemberUpdated member) =>
        member.NewChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator
        && member.OldChatMember.Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked;

    private InboundMessage? InGroup(InboundMessage? message) => message is null ? null : message with
    {
        ChatKind = ChatKind.Group,
        PrivateChatLink = identity.Username is { } username ? $"https://t.me/{username}?start={FromGroupStart}" : null,
    };

    private static InboundMessage Base(int updateId, long chatId, User? from, Message? message) => new()
    {
        Channel = Channel,
        UpdateId = Id(updateId),
        ChatId = Id(chatId),
        UserId = Id(from?.Id ?? message?.SenderChat?.Id ?? chatId),
        UserDisplayName = from is null ? message?.SenderChat?.Title : DisplayName(from),
        LanguageCode = from?.LanguageCode,

        // A reply keyboard button asks Telegram for the location.
        CanShareLocation = true,
    };

    private static string DisplayName(User user) =>
        string.IsNullOrWhiteSpace(user.LastName) ? user.FirstName : $"{user.FirstName} {user.LastName}";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
