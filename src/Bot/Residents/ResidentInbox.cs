using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Conversations.Confirmation;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Residents;

/// <summary>Queues messages to the resident who reported a case, on the channel they reported through.</summary>
internal sealed class ResidentInbox(ResidentBotDbContext db, OutboxWriter outbox, ButtonCodec codec) : IResidentInbox
{
    private readonly Dictionary<long, (string Channel, string Chat, string Language)> prefetched = [];

    public async Task PrefetchAsync(IReadOnlyCollection<long> residentIds, CancellationToken cancellationToken)
    {
        if (residentIds.Count == 0)
        {
            return;
        }

        var residents = await db.Residents.AsNoTracking().Include(r => r.Identities)
            .Where(r => residentIds.Contains(r.Id)).ToListAsync(cancellationToken);
        foreach (var resident in residents.Where(r => r.Identities.Count > 0))
        {
            prefetched[resident.Id] = Recipient(resident);
        }
    }

    public async Task NotifyAsync(Case @case, string textKey, IReadOnlyList<object?> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var (channel, chat, language) = await RecipientAsync(@case, cancellationToken);
        outbox.Enqueue(channel, chat, new OutboundMessage { Text = Texts.Format(language, textKey, [.. args]), Tag = CaseTag(@case) });
    }

    public async Task RelayReplyAsync(Case @case, string officialTitle, string? text, IReadOnlyList<InboundFile> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(photos);
        var (channel, chat, language) = await RecipientAsync(@case, cancellationToken);
        var header = Texts.Format(language, "Resident.ReplyFromOfficial", @case.TrackingCode, officialTitle);
        outbox.Enqueue(channel, chat, new OutboundMessage { Text = $"{header}\n\n{text}".TrimEnd(), Tag = CaseTag(@case) });
        foreach (var photo in photos.Where(p => p.FileRef.Length > 0))
        {
            outbox.Enqueue(channel, chat, new OutboundMessage { PhotoRef = photo.FileRef, Tag = CaseTag(@case) });
        }
    }

    public async Task AskToConfirmAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var (channel, chat, language) = await RecipientAsync(@case, cancellationToken);
        var id = @case.Id.ToString(CultureInfo.InvariantCulture);
        // In a private chat the chat id is the user id, so the buttons are signed for the resident alone.
        outbox.Enqueue(channel, chat, new OutboundMessage
        {
            Text = Texts.Format(language, "Resident.AskToConfirm", @case.TrackingCode, @case.ResolutionNote),
            Tag = CaseTag(@case),
            Buttons =
            [[
                codec.Button(Texts.Get(language, "Resident.Confirm.Yes"), ConfirmationButtons.Yes, id, chat),
                codec.Button(Texts.Get(language, "Resident.Confirm.No"), ConfirmationButtons.No, id, chat),
            ]],
        });
    }

    internal static string CaseTag(Case @case) => $"case:{@case.Id}";

    private async Task<(string Channel, string Chat, string Language)> RecipientAsync(Case @case, CancellationToken cancellationToken)
    {
        if (prefetched.TryGetValue(@case.ResidentId, out var known))
        {
            return known;
        }

        var resident = await db.Residents.Include(r => r.Identities).SingleAsync(r => r.Id == @case.ResidentId, cancellationToken);
        return Recipient(resident);
    }

    private static (string Channel, string Chat, string Language) Recipient(Routing.Residents.Resident resident)
    {
        var identity = resident.Identities.OrderBy(i => i.Id).First();
        return (identity.Channel, identity.ExternalId, resident.Language);
    }
}
