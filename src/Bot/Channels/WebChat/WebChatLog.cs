using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.WebChat;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// The persistent activity log of each web conversation. Every activity gets the next sequence number of its
/// conversation, which is its watermark and the tail of its id (<c>conversationId|0000042</c>).
/// </summary>
internal sealed class WebChatLog(IServiceScopeFactory scopes, WebChatHub hub, TimeProvider time)
{
    private const int PageSize = 100;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> appendLocks = new(StringComparer.Ordinal);

    public static string ActivityId(string conversationId, long seq) =>
        $"{conversationId}|{seq.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>The conversation of an activity id we assigned, or null.</summary>
    public static string? ConversationOf(string activityId)
    {
        var bar = activityId.LastIndexOf('|');
        return bar > 0 ? activityId[..bar] : null;
    }

    public async Task<WebChatConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        return await db.WebChatConversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }

    /// <summary>Creates the conversation unless it exists; returns false when it exists for another user.</summary>
    public async Task<bool> EnsureAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var existing = await db.WebChatConversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (existing is not null)
        {
            return existing.UserId == userId;
        }

        db.WebChatConversations.Add(new WebChatConversation { Id = conversationId, UserId = userId, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Appends an activity (its id and timestamp are set here) and wakes the conversation's sockets.</summary>
    public async Task<string> AppendAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        var gate = appendLocks.GetOrAdd(conversationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            var seq = 1 + (await db.WebChatActivities.Where(a => a.ConversationId == conversationId)
                .MaxAsync(a => (long?)a.Seq, cancellationToken) ?? 0);
            var now = time.GetUtcNow();
            var id = ActivityId(conversationId, seq);
            activity["id"] = id;
            activity["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture);
            activity["channelId"] = ChannelNames.WebChat;
            activity["conversation"] = new JsonObject { ["id"] = conversationId };
            db.WebChatActivities.Add(new WebChatActivity
            {
                ConversationId = conversationId,
                Seq = seq,
                Json = activity.ToJsonString(),
                CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            hub.Notify(conversationId);
            return id;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Activities after <paramref name="watermark"/> (all when null or unreadable) and the new watermark.</summary>
    public async Task<ActivitySet> ReadAsync(string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        var after = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var rows = await db.WebChatActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Seq > after)
            .OrderBy(a => a.Seq).Take(PageSize)
            .Select(a => new { a.Seq, a.Json })
            .ToListAsync(cancellationToken);
        var last = rows.Count > 0 ? rows[^1].Seq : after;
        return new ActivitySet([.. rows.Select(r => JsonNode.Parse(r.Json)!)], last.ToString(CultureInfo.InvariantCulture));
    }
}

internal sealed record ActivitySet(IReadOnlyList<JsonNode> Activities, string Watermark)
{
    public JsonObject ToJson() => new()
    {
        ["activities"] = new JsonArray([.. Activities.Select(a => a.DeepClone())]),
        ["watermark"] = Watermark,
    };
}
