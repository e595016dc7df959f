using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Notifications;

/// <summary>
/// What the bot tells officials besides their case cards (<see cref="CaseCards"/>): what residents add, the chase's
/// messages, what supervisors do.
/// Only queues messages in the outbox of the caller's unit of work; the caller saves. A message for an official no
/// channel reaches now waits for their next interaction (and the chase escalates their cases); an official with no
/// identity at all gets nothing: the case and its log still say who is accountable, and the chase escalates.
/// </summary>
internal sealed partial class OfficialNotifier(
    ResidentBotDbContext db,
    OutboxWriter outbox,
    OfficialChats officialChats,
    ILogger<OfficialNotifier> logger)
{
    private readonly Dictionary<int, OfficialChat?> chats = [];

    /// <summary>Forwards what the resident added to an open case (text and/or photos) to the accountable official.</summary>
    public async Task ForwardFromResidentAsync(Case @case, string? text, IReadOnlyList<InboundFile> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(photos);
        if (await ChatOfAsync(Accountable(@case), cancellationToken) is not { } chat)
        {
            return;
        }

        var tag = CaseTag.For(@case.Id);
        var header = Texts.Format(chat.Language, "Official.ResidentAdded", @case.TrackingCode);
        outbox.Enqueue(chat.To, new OutboundMessage { Text = $"{header}\n\n{text}".TrimEnd(), Tag = tag });
        foreach (var photo in photos.Where(p => p.FileRef.Length > 0))
        {
            outbox.Enqueue(chat.To, new OutboundMessage { PhotoRef = photo.FileRef, Tag = tag });
        }
    }

    /// <summary>Queues a message composed in the official's language when a channel reaches them; returns their chat, or null.</summary>
    public async Task<OfficialChat?> SendAsync(
        int officialId, string? dedupKey, Func<OfficialChat, OutboundMessage> compose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compose);
        if (await ChatOfAsync(officialId, cancellationToken) is not { } chat)
        {
            return null;
        }

        var message = compose(chat);
        outbox.Enqueue(chat.To, message with { Language = message.Language ?? chat.Language }, dedupKey);
        return chat;
    }

    public async Task<OfficialChat?> ChatOfAsync(int officialId, CancellationToken cancellationToken)
    {
        if (!chats.TryGetValue(officialId, out var known))
        {
            await PrefetchAsync([officialId], cancellationToken);
            known = chats[officialId];
        }

        return known;
    }

    /// <summary>Loads the chats of officials not seen yet in this scope in a few queries, instead of a few per official (the chase).</summary>
    public async Task PrefetchAsync(IReadOnlyCollection<int> officialIds, CancellationToken cancellationToken)
    {
        var missing = officialIds.Where(id => !chats.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var found = await officialChats.FindAsync(missing, cancellationToken);
        var codes = await db.Officials.AsNoTracking().Where(o => missing.Contains(o.Id) && !found.Keys.Contains(o.Id))
            .Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken);
        foreach (var id in missing)
        {
            if (!found.TryGetValue(id, out var chat))
            {
                LogNoChat(codes.FirstOrDefault(o => o.Id == id)?.Code ?? id.ToString(CultureInfo.InvariantCulture));
            }

            chats[id] = chat;
        }
    }

    private static int Accountable(Case @case) =>
        @case.AccountableOfficialId ?? throw new InvalidOperationException($"Case {@case.TrackingCode} has no accountable official.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Official {OfficialCode} has no chat account yet; the case log records what they were not sent")]
    private partial void LogNoChat(string officialCode);
}
