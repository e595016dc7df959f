using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>Queues case cards (with their photos) and forwarded resident messages to the accountable official's chat.</summary>
internal sealed partial class OfficialInbox(
    ResidentBotDbContext db,
    OutboxWriter outbox,
    CaseCardRenderer cards,
    OfficialChats chats,
    ILogger<OfficialInbox> logger) : IOfficialInbox
{
    public async Task SendCaseCardAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (await ChatOfAsync(@case, cancellationToken) is not { } chat)
        {
            return;
        }

        var tag = OfficialActions.CaseTag(@case.Id);
        var photos = await cards.PhotosAsync(@case, cancellationToken);
        outbox.Enqueue(chat.Channel, chat.Id, new OutboundMessage
        {
            Text = await cards.TextAsync(@case, chat.Language, photos.Count, cancellationToken),
            Buttons = cards.Buttons(@case, chat.Language, chat.Id),
            Tag = tag,
        });
        foreach (var photo in photos)
        {
            if (photo.Channel == chat.Channel)
            {
                outbox.Enqueue(chat.Channel, chat.Id, new OutboundMessage { PhotoRef = photo.FileRef, Tag = tag });
            }
        }
    }

    public async Task ForwardFromResidentAsync(Case @case, string? text, IReadOnlyList<InboundFile> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(photos);
        if (await ChatOfAsync(@case, cancellationToken) is not { } chat)
        {
            return;
        }

        var tag = OfficialActions.CaseTag(@case.Id);
        var header = Texts.Format(chat.Language, "Official.ResidentAdded", @case.TrackingCode);
        outbox.Enqueue(chat.Channel, chat.Id, new OutboundMessage { Text = $"{header}\n\n{text}".TrimEnd(), Tag = tag });
        foreach (var photo in photos.Where(p => p.FileRef.Length > 0))
        {
            outbox.Enqueue(chat.Channel, chat.Id, new OutboundMessage { PhotoRef = photo.FileRef, Tag = tag });
        }
    }

    private async Task<(string Channel, string Id, string Language)?> ChatOfAsync(Case @case, CancellationToken cancellationToken)
    {
        var officialId = @case.AccountableOfficialId ?? throw new InvalidOperationException($"Case {@case.TrackingCode} has no accountable official.");
        if (await chats.FindAsync(officialId, cancellationToken) is not { } chat)
        {
            // Not onboarded yet: the case and its log still say who is accountable, and the chase escalates.
            var code = await db.Officials.Where(o => o.Id == officialId).Select(o => o.Code).SingleAsync(cancellationToken);
            LogNotOnboarded(code, @case.TrackingCode);
            return null;
        }

        return (chat.Channel, chat.ChatId, chat.Language);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Official {OfficialCode} has no chat account yet; case {TrackingCode} card not sent")]
    private partial void LogNotOnboarded(string officialCode, string trackingCode);
}
