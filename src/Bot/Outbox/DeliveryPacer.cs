using System.Collections.Concurrent;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Keeps us under a channel's limits before it has to say 429: at most one message per second per chat
/// and a global number per second (Telegram: 30), plus pauses a 429 asked for.
/// </summary>
internal sealed class DeliveryPacer(TimeProvider time, int perSecond, TimeSpan perChatInterval)
{
    private readonly Queue<DateTimeOffset> recent = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> chatNextAllowed = new();
    private readonly Lock gate = new();
    private DateTimeOffset globalPausedUntil;

    /// <summary>Takes a slot for <paramref name="chat"/> if one is free now; otherwise says when to try again.</summary>
    public bool TryTake(string chat, out DateTimeOffset retryAt)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromSeconds(1))
            {
                recent.Dequeue();
            }

            var chatAt = chatNextAllowed.GetValueOrDefault(chat);
            var globalAt = recent.Count >= perSecond ? recent.Peek() + TimeSpan.FromSeconds(1) : now;
            retryAt = new[] { chatAt, globalAt, globalPausedUntil }.Max();
            if (retryAt > now)
            {
                return false;
            }

            recent.Enqueue(now);
            chatNextAllowed[chat] = now + perChatInterval;
            return true;
        }
    }

    /// <summary>The channel said 429: nothing more to that chat, and nothing at all, until the wait is over.</summary>
    public void Pause(string chat, TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (gate)
        {
            chatNextAllowed[chat] = until;
            if (until > globalPausedUntil)
            {
                globalPausedUntil = until;
            }
        }
    }
}
