using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
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
    private const string BotRole = "\"role\":\"bot\"";
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

    /// <summary>Appends an activity (its id and timestamp are set here unless it is a revision) and wakes the conversation's sockets.</summary>
    /// <remarks>
    /// The number is the database's: the unique key on (conversation, seq) makes two writers that took the same one
    /// collide, and the loser takes the next. In one process the lock spares that collision; across hosts it is the
    /// key alone, and numbers still commit in order (a writer only sees the next number once the one before it has
    /// committed), so a reader's watermark never skips an activity that commits later.
    /// </remarks>
    public async Task<string> AppendAsync(string conversationId, JsonObject activity, CancellationToken cancellationToken)
    {
        var gate = appendLocks.GetOrAdd(conversationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // A revision (an edit) comes with the id and timestamp of the message it replaces.
            var given = activity["id"] is JsonValue value && value.TryGetValue<string>(out var kept) ? kept : null;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var id = await TryAppendAsync(conversationId, activity, given, cancellationToken);
                    hub.Notify(conversationId);
                    return id;
                }
                catch (DbUpdateException) when (attempt < MaxAppendAttempts)
                {
                    // Another host took this number first: take the next.
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private const int MaxAppendAttempts = 8;

    private async Task<string> TryAppendAsync(string conversationId, JsonObject activity, string? given, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var seq = 1 + (await db.WebChatActivities.Where(a => a.ConversationId == conversationId)
            .MaxAsync(a => (long?)a.Seq, cancellationToken) ?? 0);
        var now = time.GetUtcNow();
        var id = given ?? ActivityId(conversationId, seq);
        activity["id"] = id;
        activity["timestamp"] ??= now.ToString("O", CultureInfo.InvariantCulture);
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
        return id;
    }

    /// <summary>The id of the newest bot message in the conversation that carries a button with this data, or null.</summary>
    public async Task<string?> FindButtonCarrierAsync(string conversationId, string buttonData, CancellationToken cancellationToken)
    {
        var row = await NewestBotActivityContainingAsync(conversationId, "\"data\":" + JsonSerializer.Serialize(buttonData), cancellationToken);
        return row is null ? null : Str(row, "id");
    }

    /// <summary>The latest revision of a bot message of this conversation (the original or its newest edit), or null.</summary>
    public async Task<JsonObject?> FindLatestRevisionAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        if (ConversationOf(activityId) != conversationId)
        {
            return null;
        }

        var row = await NewestBotActivityContainingAsync(conversationId, "\"id\":" + JsonSerializer.Serialize(activityId), cancellationToken);
        return row is not null && Str(row, "id") == activityId ? row : null;
    }

    /// <summary>
    /// A text search in the stored JSON, narrowed to bot messages. Quotes inside a client's strings are stored escaped,
    /// but a client's own <c>value</c> object could mimic the needles: such rows (of its own conversation) are skipped
    /// once parsed.
    /// </summary>
    private async Task<JsonObject?> NewestBotActivityContainingAsync(string conversationId, string needle, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var rows = await db.WebChatActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Json.Contains(needle) && a.Json.Contains(BotRole))
            .OrderByDescending(a => a.Seq).Select(a => a.Json).Take(8).ToListAsync(cancellationToken);
        return rows.Select(json => JsonNode.Parse(json) as JsonObject).FirstOrDefault(row => row is not null && IsFromBot(row));
    }

    private static bool IsFromBot(JsonObject activity) => activity["from"] is JsonObject from && Str(from, "role") == "bot";

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

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
    /// <summary>
    /// The set as the client receives it. Our files' URLs are made absolute against <paramref name="origin"/>, so a
    /// client on another origin (Web Chat embedded in the city's site) loads them from this host.
    /// </summary>
    public JsonObject ToJson(string? origin = null) => new()
    {
        ["activities"] = new JsonArray([.. Activities.Select(a => WithAbsoluteUrls(a.DeepClone(), origin))]),
        ["watermark"] = Watermark,
    };

    private static JsonNode WithAbsoluteUrls(JsonNode activity, string? origin)
    {
        if (origin is not null && activity["attachments"] is JsonArray attachments)
        {
            foreach (var attachment in attachments.OfType<JsonObject>())
            {
                foreach (var field in (string[])["contentUrl", "thumbnailUrl"])
                {
                    if (attachment[field] is JsonValue url && url.TryGetValue<string>(out var path)
                        && path.StartsWith(WebChatFiles.UrlPath, StringComparison.Ordinal))
                    {
                        attachment[field] = origin + path;
                    }
                }
            }
        }

        return activity;
    }
}
