using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.People;

/// <summary>
/// On a person's interaction, sends what waited for them (no channel could reach them) on the channel they use now, in
/// the order it was queued, after one line "Bạn có N cập nhật mới". What waited is re-addressed, not re-sent as it was:
/// buttons are signed again for the new chat; an edit of a message on another chat is dropped (the fresh card shows the
/// case as it is); a waiting case card is replaced by a fresh card with live buttons, if the case is still theirs and
/// open. Only queues messages in the scope's unit of work (the turn's, when the person writes); the caller saves.
/// </summary>
internal sealed partial class WaitingMessages(
    ResidentBotDbContext db, OutboxWriter outbox, ButtonCodec buttons, CaseCards cards, ILogger<WaitingMessages> logger)
{
    /// <summary>The sender of this turn is back: what waited for them goes to this chat.</summary>
    public Task DeliverAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var to = new Addressee(turn.Message.Channel, turn.Message.ChatId, Reachable: true,
            ResidentId: turn.Resident.Id > 0 ? turn.Resident.Id : null, OfficialId: turn.Official?.Id);
        return MoveAsync(to, turn.Language, cancellationToken);
    }

    /// <summary>Sends what waits for the person <paramref name="to"/> names on <paramref name="to"/>'s chat; returns how many updates go.</summary>
    public async Task<int> MoveAsync(Addressee to, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        var (channel, chat) = (to.Channel, to.Recipient);
        var (residentId, officialId) = (to.ResidentId, to.OfficialId);
        // Runs on every turn: one indexed look-up per way a row can name the person, not one OR that scans the table.
        var found = (residentId, officialId) switch
        {
            ({ } resident, { } official) => ForAll.For(db)(db, channel, chat, resident, official),
            ({ } resident, null) => ForResident.For(db)(db, channel, chat, resident),
            (null, { } official) => ForOfficial.For(db)(db, channel, chat, official),
            _ => ForChat.For(db)(db, channel, chat),
        };
        var rows = await found.ToListAsync(cancellationToken);
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        if (rows.Count == 0)
        {
            return 0;
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

        var cases = freshCards.Count == 0 ? [] : await db.Cases
            .Where(c => freshCards.Contains(c.Id) && c.AccountableOfficialId == officialId).ToListAsync(cancellationToken);
        var open = cases.Where(c => c.Status.IsOpen()).OrderBy(c => c.Id).ToList();
        var count = moved.Count(m => m.PhotoRef is null && m.PhotoPath is null) + open.Count;
        LogDelivering(channel, count, rows.Count);
        if (count == 0)
        {
            return 0;
        }

        outbox.Enqueue(to, new OutboundMessage { Text = Texts.Format(language, "Common.WaitingUpdates", count), Language = language });
        foreach (var message in moved)
        {
            outbox.Enqueue(to, message);
        }

        foreach (var @case in open)
        {
            await cards.SendAsync(@case, cancellationToken);
        }

        return count;
    }

    // Compiled: this runs on every turn (EF would otherwise re-walk and hash the expression each time).
    private static readonly PerModel<Func<ResidentBotDbContext, string, string, IAsyncEnumerable<OutboxMessage>>> ForChat = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, string channel, string chat) =>
            db.OutboxMessages.Where(m => m.Channel == channel && m.Recipient == chat && m.Status == OutboxStatus.Waiting)));

    private static readonly PerModel<Func<ResidentBotDbContext, string, string, int, IAsyncEnumerable<OutboxMessage>>> ForResident = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, string channel, string chat, int resident) =>
            db.OutboxMessages.Where(m => m.Channel == channel && m.Recipient == chat && m.Status == OutboxStatus.Waiting)
                .Union(db.OutboxMessages.Where(m => m.ResidentId == resident && m.Status == OutboxStatus.Waiting))));

    private static readonly PerModel<Func<ResidentBotDbContext, string, string, int, IAsyncEnumerable<OutboxMessage>>> ForOfficial = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, string channel, string chat, int official) =>
            db.OutboxMessages.Where(m => m.Channel == channel && m.Recipient == chat && m.Status == OutboxStatus.Waiting)
                .Union(db.OutboxMessages.Where(m => m.OfficialId == official && m.Status == OutboxStatus.Waiting))));

    private static readonly PerModel<Func<ResidentBotDbContext, string, string, int, int, IAsyncEnumerable<OutboxMessage>>> ForAll = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, string channel, string chat, int resident, int official) =>
            db.OutboxMessages.Where(m => m.Channel == channel && m.Recipient == chat && m.Status == OutboxStatus.Waiting)
                .Union(db.OutboxMessages.Where(m => m.ResidentId == resident && m.Status == OutboxStatus.Waiting))
                .Union(db.OutboxMessages.Where(m => m.OfficialId == official && m.Status == OutboxStatus.Waiting))));

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

            // Choices shaped when the message was queued (numbered or paged) are read back against the new chat too.
            Choices = [.. message.Choices.Select(b => Resigned(b, row.Recipient, chat)).OfType<OutboundButton>()],
        };
    }

    private OutboundButton? Resigned(OutboundButton button, string from, string to) =>
        buttons.TryDecode(button.Data, from, out var action, out var argument) ? buttons.Button(button.Label, action, argument, to) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Person is back on {Channel}: {Count} waiting updates sent from {Rows} waiting messages")]
    private partial void LogDelivering(string channel, int count, int rows);
}
