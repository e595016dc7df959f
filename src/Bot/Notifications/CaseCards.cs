using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Notifications;

/// <summary>
/// The cards officials act on, kept true: the accountable official's newest card shows the case as it is now (status,
/// deadlines) with only the buttons valid now; their older cards keep no buttons; a former official's card says where
/// the case went. Cards are edited through the outbox by the message id each was delivered with; on a channel that
/// cannot edit a message, the card is sent again as a new message (once per card, and only when it reads differently).
/// A card not yet delivered goes out as rendered when it was queued. Only queues messages; the caller saves.
/// </summary>
internal sealed class CaseCards(
    ResidentBotDbContext db, OutboxWriter outbox, CaseCardRenderer renderer, OfficialNotifier officials, ChannelCatalog channels, ChoiceShaper shaper,
    TimeProvider time)
{
    /// <summary>Sends a new card (with photos) to the accountable official: new, transferred, reassigned or reopened.</summary>
    public Task SendAsync(Case @case, CancellationToken cancellationToken) => SendAsync(@case, created: false, cancellationToken);

    /// <summary>
    /// The first card of a case created in this unit of work: no card of it can have been delivered (delivery follows
    /// the commit), so there is none to edit and the two look-ups for them are skipped.
    /// </summary>
    public Task SendFirstAsync(Case @case, CancellationToken cancellationToken) => SendAsync(@case, created: true, cancellationToken);

    private async Task SendAsync(Case @case, bool created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var official = @case.AccountableOfficialId ?? throw new InvalidOperationException($"Case {@case.TrackingCode} has no accountable official.");
        if (!created)
        {
            await RefreshAsync(@case, newCardFollows: true, cancellationToken);
        }

        var chat = await officials.ChatOfAsync(official, cancellationToken);
        if (chat is not { Reachable: true })
        {
            // Nobody would hear of it: a missed acknowledgement, escalated by the chase at once.
            NextChase.LookNow(@case, time.GetUtcNow());
        }

        if (chat is null)
        {
            return;
        }

        var photos = await renderer.PhotosAsync(@case, cancellationToken);
        outbox.Enqueue(chat.To, new OutboundMessage
        {
            Text = await renderer.TextAsync(@case, chat.Language, chat.Channel, photos.Count, cancellationToken),
            Buttons = renderer.Buttons(@case, chat.Language, chat.ChatId),
            Tag = CaseTag.Card(@case.Id, official),
            Language = chat.Language,
        });
        // A stored photo goes to any channel; a channel's own reference (kept before photos were stored) only to that channel.
        foreach (var photo in photos.Where(p => p.Channel == chat.Channel || AttachmentStore.IdOf(p.FileRef) is not null))
        {
            outbox.Enqueue(chat.To, new OutboundMessage { PhotoRef = photo.FileRef, Tag = CaseTag.For(@case.Id) });
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
            .Select(m => new { m.Channel, m.Recipient, m.ExternalMessageId, m.Tag, m.Payload })
            .ToListAsync(cancellationToken);
        // Edits keep the card's message id and tag: one entry per card, in the order the cards were first sent. Where
        // edits become new messages, each copy has its own id: the card is its newest copy.
        var cards = delivered
            .GroupBy(m => channels.For(m.Channel).CanEditMessages ? (m.Channel, m.Recipient, m.ExternalMessageId) : (m.Channel, m.Recipient, m.Tag))
            .Select(g => g.Last()).ToList();
        var live = newCardFollows ? null : cards.LastOrDefault(c => CaseTag.CardOfficial(c.Tag) == @case.AccountableOfficialId);
        var photos = cards.Count == 0 ? 0 : (await renderer.PhotosAsync(@case, cancellationToken)).Count;
        foreach (var card in cards)
        {
            var official = CaseTag.CardOfficial(card.Tag);
            var language = official is { } id && await officials.ChatOfAsync(id, cancellationToken) is { } chat ? chat.Language : Texts.Vietnamese;
            var refreshed = new OutboundMessage
            {
                EditMessageId = card.ExternalMessageId,
                Text = official == @case.AccountableOfficialId
                    ? await renderer.TextAsync(@case, language, card.Channel, photos, cancellationToken)
                    : await renderer.MovedTextAsync(@case, language, cancellationToken),
                Buttons = card == live ? renderer.Buttons(@case, language, card.Recipient) : [],
                Tag = card.Tag,
                Language = language,
            };
            if (channels.For(card.Channel).CanEditMessages || !shaper.ReadsTheSame(card.Channel, card.Recipient, refreshed, card.Payload))
            {
                outbox.Enqueue(new Addressee(card.Channel, card.Recipient, Reachable: true, OfficialId: official), refreshed);
            }
        }
    }
}
