using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.People;

/// <summary>
/// On a person's interaction, sends what waited for them (no channel could reach them) on the channel they use now, in
/// the order it was queued, after one line "Bạn có N cập nhật mới". What waited is re-addressed, not re-sent as it was:
/// buttons are signed again for the new chat; an edit of a message on another chat is dropped (the fresh card shows the
/// case as it is); a waiting case card is replaced by a fresh card with live buttons, if the case is still theirs and
/// open. Runs in the turn's unit of work, so it is saved (or not) with the turn.
/// </summary>
internal sealed partial class WaitingMessages(ButtonCodec buttons, CaseCards cards, ILogger<WaitingMessages> logger)
{
    public async Task DeliverAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (channel, chat) = (turn.Message.Channel, turn.Message.ChatId);
        int? residentId = turn.Resident.Id > 0 ? turn.Resident.Id : null;
        var officialId = turn.Official?.Id;
        var rows = await turn.Db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Waiting
                && ((residentId != null && m.ResidentId == residentId) || (officialId != null && m.OfficialId == officialId)
                    || (m.Channel == channel && m.Recipient == chat)))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }

        var freshCards = rows.Where(m => officialId is not null && CaseTag.CardOfficial(m.Tag) == officialId)
            .Select(m => CaseTag.TryParse(m.Tag, out var id) ? id : 0).Where(id => id > 0).ToHashSet();
        var moved = new List<OutboundMessage>();
        foreach (var row in rows)
        {
            row.Status = OutboxStatus.Superseded;
            var message = OutboxWriter.Read(row);
            if (Readdressed(row, message, channel, chat, freshCards) is { } copy)
            {
                moved.Add(copy);
            }
        }

        var cases = freshCards.Count == 0 ? [] : await turn.Db.Cases
            .Where(c => freshCards.Contains(c.Id) && c.AccountableOfficialId == officialId).ToListAsync(cancellationToken);
        var open = cases.Where(c => c.Status.IsOpen()).OrderBy(c => c.Id).ToList();
        var count = moved.Count(m => m.PhotoRef is null && m.PhotoPath is null) + open.Count;
        LogDelivering(channel, count, rows.Count);
        if (count == 0)
        {
            return;
        }

        var to = new Addressee(channel, chat, Reachable: true, ResidentId: residentId, OfficialId: officialId);
        turn.Outbox.Enqueue(to, new OutboundMessage { Text = turn.T("Common.WaitingUpdates", count), Language = turn.Language });
        foreach (var message in moved)
        {
            turn.Outbox.Enqueue(to, message);
        }

        foreach (var @case in open)
        {
            await cards.SendAsync(@case, cancellationToken);
        }
    }

    /// <summary>The message as it goes to the new chat, or null when it is not to be sent there.</summary>
    private OutboundMessage? Readdressed(OutboxMessage row, OutboundMessage message, string channel, string chat, HashSet<long> freshCards)
    {
        var aboutFreshCard = CaseTag.TryParse(row.Tag, out var caseId) && freshCards.Contains(caseId)
            && (CaseTag.CardOfficial(row.Tag) is not null || message.PhotoRef is not null);
        var foreignFile = message.PhotoRef is { } photo && row.Channel != channel
            && !photo.StartsWith(Attachments.IAttachmentStore.RefPrefix, StringComparison.Ordinal);
        if (message.EditMessageId is not null || aboutFreshCard || foreignFile)
        {
            return null;
        }

        return message with
        {
            Buttons = [.. message.Buttons.Select(line => (IReadOnlyList<OutboundButton>)[.. line.Select(b => Resigned(b, row.Recipient, chat)).OfType<OutboundButton>()])
                .Where(line => line.Count > 0)],
        };
    }

    private OutboundButton? Resigned(OutboundButton button, string from, string to) =>
        buttons.TryDecode(button.Data, from, out var action, out var argument) ? buttons.Button(button.Label, action, argument, to) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Person is back on {Channel}: {Count} waiting updates sent from {Rows} waiting messages")]
    private partial void LogDelivering(string channel, int count, int rows);
}
