using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Notifications;

/// <summary>
/// The cards officials act on, kept true: the accountable official's newest card shows the case as it is now (status,
/// deadlines) with only the buttons valid now; their older cards keep no buttons; a former official's card says where
/// the case went. Cards are edited through the outbox by the message id each was delivered with; a card not yet
/// delivered goes out as rendered when it was queued. Only queues messages; the caller saves.
/// </summary>
internal sealed class CaseCards(ResidentBotDbContext db, OutboxWriter outbox, CaseCardRenderer renderer, OfficialNotifier officials)
{
    /// <summary>Sends a new card (with photos) to the accountable official: new, transferred, reassigned or reopened.</summary>
    public async Task SendAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var official = @case.AccountableOfficialId ?? throw new InvalidOperationException($"Case {@case.TrackingCode} has no accountable official.");
        await RefreshAsync(@case, newCardFollows: true, cancellationToken);
        if (await officials.ChatOfAsync(official, cancellationToken) is not { } chat)
        {
            return;
        }

        var photos = await renderer.PhotosAsync(@case, cancellationToken);
        outbox.Enqueue(chat.Channel, chat.ChatId, new OutboundMessage
        {
            Text = await renderer.TextAsync(@case, chat.Language, chat.Channel, photos.Count, cancellationToken),
            Buttons = renderer.Buttons(@case, chat.Language, chat.ChatId),
            Tag = CaseTag.Card(@case.Id, official),
        });
        // A stored photo goes to any channel; a channel's own reference (kept before photos were stored) only to that channel.
        foreach (var photo in photos.Where(p => p.Channel == chat.Channel || AttachmentStore.IdOf(p.FileRef) is not null))
        {
            outbox.Enqueue(chat.Channel, chat.ChatId, new OutboundMessage { PhotoRef = photo.FileRef, Tag = CaseTag.For(@case.Id) });
        }
    }

    /// <summary>Edits every delivered card of the case to show it as it is now. Call after any change to the case.</summary>
    public Task RefreshAsync(Case @case, CancellationToken cancellationToken) => RefreshAsync(@case, newCardFollows: false, cancellationToken);

    private async Task RefreshAsync(Case @case, bool newCardFollows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var holders = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == @case.Id && e.OfficialId != null)
            .Select(e => e.OfficialId!.Value).Distinct().ToListAsync(cancellationToken);
        var tags = holders.Select(id => CaseTag.Card(@case.Id, id)).ToList();
        var delivered = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Tag != null && tags.Contains(m.Tag) && m.ExternalMessageId != null)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Channel, m.Recipient, m.ExternalMessageId, m.Tag })
            .ToListAsync(cancellationToken);
        // Edits keep the card's message id and tag: one entry per card, in the order the cards were first sent.
        var cards = delivered.DistinctBy(m => (m.Channel, m.Recipient, m.ExternalMessageId)).ToList();
        var live = newCardFollows ? null : cards.LastOrDefault(c => CaseTag.CardOfficial(c.Tag) == @case.AccountableOfficialId);
        var photos = cards.Count == 0 ? 0 : (await renderer.PhotosAsync(@case, cancellationToken)).Count;
        foreach (var card in cards)
        {
            var official = CaseTag.CardOfficial(card.Tag);
            var language = official is { } id && await officials.ChatOfAsync(id, cancellationToken) is { } chat ? chat.Language : Texts.Vietnamese;
            outbox.Enqueue(card.Channel, card.Recipient, new OutboundMessage
            {
                EditMessageId = card.ExternalMessageId,
                Text = official == @case.AccountableOfficialId
                    ? await renderer.TextAsync(@case, language, card.Channel, photos, cancellationToken)
                    : await renderer.MovedTextAsync(@case, language, cancellationToken),
                Buttons = card == live ? renderer.Buttons(@case, language, card.Recipient) : [],
                Tag = card.Tag,
            });
        }
    }
}
