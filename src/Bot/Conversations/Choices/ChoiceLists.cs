using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Conversations.Choices;

/// <summary>A list of choices the outbox shaped for a chat, and the channel's id of the message that showed it.</summary>
internal sealed record ChoiceList(OutboundMessage Message, string? MessageId);

/// <summary>
/// Finds the lists of choices a chat was shown, from the outbox's own copies (so a typed number can only ever pick what
/// was offered, with the signed button data that was offered), and shows another page of one.
/// </summary>
internal sealed class ChoiceLists
{
    // How a stored message with at least one shaped choice reads in its JSON; the payload confirms it when read.
    private const string Marker = "\"choices\":[{";

    /// <summary>The newest list shown in this chat: the one a typed number refers to.</summary>
    public async Task<ChoiceList?> LatestAsync(ResidentBotDbContext db, string channel, string chatId, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == channel && m.Recipient == chatId && m.Status != OutboxStatus.Failed && m.Payload.Contains(Marker))
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        return Read(row);
    }

    /// <summary>The list shown by one message of this chat (the one whose "more" button was pressed).</summary>
    public async Task<ChoiceList?> SentAsync(ResidentBotDbContext db, string channel, string chatId, string messageId, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == channel && m.Recipient == chatId && m.ExternalMessageId == messageId && m.Payload.Contains(Marker))
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        return Read(row);
    }

    /// <summary>
    /// Shows <paramref name="page"/> of the list: in place of the list where the channel edits messages, else as a new
    /// message (which then is the chat's newest list, numbered as before).
    /// </summary>
    public static void ShowPage(Turn turn, ChoiceList list, int page, string? editMessageId)
    {
        turn.Reply(new OutboundMessage
        {
            Text = turn.Capabilities.HasButtons ? list.Message.Text : turn.T("Choice.Continued"),
            Buttons = [.. list.Message.Choices.Select(c => (IReadOnlyList<OutboundButton>)[c])],
            ChoicePage = page,
            EditMessageId = editMessageId,
            Tag = list.Message.Tag,
            Language = list.Message.Language,
        });
    }

    private static ChoiceList? Read(OutboxMessage? row)
    {
        if (row is null)
        {
            return null;
        }

        var message = OutboxWriter.Read(row);
        return message.Choices.Count > 0 ? new ChoiceList(message, row.ExternalMessageId) : null;
    }
}
