using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Officials;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Chase;

/// <summary>Queues chase messages to officials in the caller's unit of work (the caller saves).</summary>
internal sealed partial class ChaseMessenger(ResidentBotDbContext db, OfficialChats officialChats, OutboxWriter outbox, ILogger<ChaseMessenger> logger)
{
    private readonly Dictionary<int, OfficialChat?> chats = [];

    public async Task<OfficialChat?> ChatOfAsync(int officialId, CancellationToken cancellationToken)
    {
        if (!chats.TryGetValue(officialId, out var known))
        {
            await PrefetchAsync([officialId], cancellationToken);
            known = chats[officialId];
        }

        return known;
    }

    /// <summary>Loads the chats of officials not seen yet in a few queries, instead of a few per official.</summary>
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
            chats[id] = found.TryGetValue(id, out var chat) ? chat : NoChat(codes.FirstOrDefault(o => o.Id == id)?.Code ?? id.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Queues a message when the official can receive one; the case event is recorded either way by the caller.</summary>
    public async Task<OfficialChat?> SendAsync(
        int officialId, string? dedupKey, Func<OfficialChat, OutboundMessage> compose, CancellationToken cancellationToken)
    {
        if (await ChatOfAsync(officialId, cancellationToken) is not { } chat)
        {
            return null;
        }

        outbox.Enqueue(chat.Channel, chat.ChatId, compose(chat), dedupKey);
        return chat;
    }

    private OfficialChat? NoChat(string officialCode)
    {
        LogNoChat(officialCode);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Official {OfficialCode} has no chat account; the chase records the event without a message")]
    private partial void LogNoChat(string officialCode);
}
