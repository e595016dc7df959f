using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials;

/// <summary>Queues case cards and forwarded resident messages to the accountable official's chat.</summary>
internal sealed partial class OfficialInbox(ResidentBotDbContext db, OutboxWriter outbox, ILogger<OfficialInbox> logger) : IOfficialInbox
{
    public async Task SendCaseCardAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (await ChatOfAsync(@case, cancellationToken) is not { } chat)
        {
            return;
        }

        var text = Texts.Format(chat.Language, "Official.CaseCard", @case.TrackingCode, @case.Description);
        outbox.Enqueue(chat.Channel, chat.Id, new OutboundMessage { Text = text, Tag = $"case:{@case.Id}" });
    }

    public async Task ForwardFromResidentAsync(Case @case, string? text, IReadOnlyList<InboundFile> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(photos);
        if (await ChatOfAsync(@case, cancellationToken) is not { } chat)
        {
            return;
        }

        var header = Texts.Format(chat.Language, "Official.ResidentAdded", @case.TrackingCode);
        outbox.Enqueue(chat.Channel, chat.Id, new OutboundMessage { Text = $"{header}\n\n{text}".TrimEnd(), Tag = $"case:{@case.Id}" });
        foreach (var photo in photos)
        {
            outbox.Enqueue(chat.Channel, chat.Id, new OutboundMessage { PhotoRef = photo.FileRef, Tag = $"case:{@case.Id}" });
        }
    }

    private async Task<(string Channel, string Id, string Language)?> ChatOfAsync(Case @case, CancellationToken cancellationToken)
    {
        var official = await db.Officials.SingleAsync(o => o.Id == @case.AccountableOfficialId, cancellationToken);
        if (official.TelegramUserId is not { } telegramId)
        {
            // Not onboarded yet: the case and its log still say who is accountable, and the chase escalates.
            LogNotOnboarded(official.Code, @case.TrackingCode);
            return null;
        }

        var chat = telegramId.ToString(CultureInfo.InvariantCulture);
        var language = await db.Residents
            .Where(r => r.Identities.Any(i => i.Channel == ChannelNames.Telegram && i.ExternalId == chat))
            .Select(r => r.Language).FirstOrDefaultAsync(cancellationToken) ?? Texts.Vietnamese;
        return (ChannelNames.Telegram, chat, language);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Official {OfficialCode} has no chat account yet; case {TrackingCode} card not sent")]
    private partial void LogNotOnboarded(string officialCode, string trackingCode);
}
