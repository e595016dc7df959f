using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.WebConsole.Admin.Deliveries;

/// <summary>
/// What the outbox holds per channel now — messages still to go (and how long the oldest has waited), messages for
/// people no channel reaches now, messages a channel refused for good — and one page of the refused ones. Both are
/// read from the (status, channel, id) index (migration <c>AdminDeliveryHealthIndex</c>): sent messages, the bulk of
/// the table, are never touched.
/// </summary>
internal sealed class DeliveryHealth(ResidentBotDbContext db, IEnumerable<IChannelSender> senders)
{
    /// <summary>Longest error shown in the table; the outbox keeps up to 500 characters.</summary>
    public const int ErrorChars = 200;

    private static readonly OutboxStatus[] Undelivered = [OutboxStatus.Pending, OutboxStatus.Waiting, OutboxStatus.Failed];

    /// <summary>Every channel this host sends on, and any other that still has undelivered messages (a channel switched off).</summary>
    public async Task<IReadOnlyList<ChannelDeliveries>> ChannelsAsync(CancellationToken cancellationToken)
    {
        var groups = await db.OutboxMessages.AsNoTracking()
            .Where(m => Undelivered.Contains(m.Status))
            .GroupBy(m => new { m.Channel, m.Status })
            .Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Count(), OldestId = g.Min(m => m.Id) })
            .ToListAsync(cancellationToken);

        // Ids grow with time, so the smallest pending id is the longest wait; only those few rows are read.
        long[] oldest = [.. groups.Where(g => g.Status == OutboxStatus.Pending).Select(g => g.OldestId)];
        var since = await db.OutboxMessages.AsNoTracking().Where(m => oldest.Contains(m.Id))
            .Select(m => new { m.Channel, m.CreatedAt }).ToDictionaryAsync(m => m.Channel, m => m.CreatedAt, cancellationToken);

        var enabled = senders.Select(s => s.Channel).ToHashSet(StringComparer.Ordinal);
        return [.. enabled.Concat(groups.Select(g => g.Channel)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(channel => new ChannelDeliveries(
                channel,
                enabled.Contains(channel),
                CountOf(channel, OutboxStatus.Pending),
                since.TryGetValue(channel, out var at) ? at : null,
                CountOf(channel, OutboxStatus.Waiting),
                CountOf(channel, OutboxStatus.Failed)))];

        int CountOf(string channel, OutboxStatus status) =>
            groups.Where(g => g.Channel == channel && g.Status == status).Sum(g => g.Count);
    }

    /// <summary>One page of the messages channels refused for good, newest first, optionally of one channel.</summary>
    public async Task<IReadOnlyList<FailedDelivery>> FailedAsync(string? channel, int page, int pageSize, CancellationToken cancellationToken)
    {
        var failed = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed);
        if (channel is not null)
        {
            failed = failed.Where(m => m.Channel == channel);
        }

        // The payload is not read: only whether the outbox had to forget a secret in it (then a retry would send
        // the placeholder instead of the code, so it is not offered).
        var rows = await failed.OrderByDescending(m => m.Id).Skip(page * pageSize).Take(pageSize)
            .Select(m => new
            {
                m.Id, m.Channel, m.Recipient, m.OfficialId, m.ResidentId, m.Tag, m.Attempts, m.LastError, m.CreatedAt,
                Redacted = m.Payload.Contains(OutboxSecrets.Placeholder),
            })
            .ToListAsync(cancellationToken);
        // Messages queued to a chat rather than to a person carry no official id: the page's chats are looked up once.
        string[] chats = [.. rows.Where(r => r.OfficialId is null && r.ResidentId is null).Select(r => r.Recipient).Distinct()];
        var officials = await db.OfficialIdentities.AsNoTracking().Where(i => chats.Contains(i.ChatId))
            .Select(i => new { i.Channel, i.ChatId, i.OfficialId }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new FailedDelivery(r.Id, r.Channel, MaskedRecipient(r.Recipient),
            r.OfficialId ?? officials.FirstOrDefault(o => o.Channel == r.Channel && o.ChatId == r.Recipient)?.OfficialId,
            r.ResidentId is not null, r.Tag, r.Attempts, Bounded(r.LastError), r.CreatedAt, !r.Redacted))];
    }

    /// <summary>
    /// A chat id says nothing an administrator needs and is a person's handle on another service: only its last four
    /// characters are shown, enough to tell two recipients apart.
    /// </summary>
    public static string MaskedRecipient(string recipient) =>
        recipient.Length <= 4 ? new string('•', recipient.Length) : "…" + recipient[^4..];

    private static string? Bounded(string? error) =>
        error is null || error.Length <= ErrorChars ? error : string.Concat(error.AsSpan(0, ErrorChars - 1), "…");
}

/// <summary>One channel's undelivered messages; <see cref="OldestPendingSince"/> is when the longest-waiting one was queued.</summary>
internal sealed record ChannelDeliveries(string Channel, bool Enabled, int Pending, DateTimeOffset? OldestPendingSince, int Waiting, int Failed);

/// <summary>A message a channel refused for good, as the administrator sees it (no text, masked recipient).</summary>
internal sealed record FailedDelivery(
    long Id, string Channel, string Recipient, int? OfficialId, bool ToResident, string? Tag, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, bool CanRetry);
