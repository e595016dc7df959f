using System.Collections.Concurrent;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Keeps us under a channel's limits before it has to say 429: at most one message per second per chat
/// and a global number per second (Telegram: 30), plus pauses a 429 asked for. The channel counts arrivals, which
/// trail our sends by a few milliseconds that vary, so both windows are kept a little wider than the limit, and the
/// global budget is spent evenly (a small burst, then one send every 1/rate seconds) rather than all at the start of
/// a second, where the next second's first send could arrive inside it.
/// </summary>
internal sealed class DeliveryPacer(TimeProvider time, int perSecond, TimeSpan perChatInterval)
{
    // 30 per 1.03 s is still 29.1 messages/s; without it a send at the very edge of the window arrived inside it
    // (the delivery benchmark saw 429s once the sender retried at exactly the moment the pacer allowed).
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.03);
    private static readonly TimeSpan ChatMargin = TimeSpan.FromMilliseconds(50);

    private readonly Queue<DateTimeOffset> recent = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> chatNextAllowed = new();
    private readonly Lock gate = new();
    private readonly double burst = Math.Max(1, perSecond / 6.0);
    private DateTimeOffset globalPausedUntil;
    private double tokens = Math.Max(1, perSecond / 6.0);
    private DateTimeOffset refilledAt = time.GetUtcNow();

    /// <summary>Takes a slot for <paramref name="chat"/> if one is free now; otherwise says when to try again.</summary>
    public bool TryTake(string chat, out DateTimeOffset retryAt)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (recent.Count > 0 && now - recent.Peek() >= Window)
            {
                recent.Dequeue();
            }

            var rate = perSecond / Window.TotalSeconds;
            tokens = Math.Min(burst, tokens + ((now - refilledAt).TotalSeconds * rate));
            refilledAt = now;
            var chatAt = chatNextAllowed.GetValueOrDefault(chat);
            var windowAt = recent.Count >= perSecond ? recent.Peek() + Window : now;
            var tokenAt = tokens >= 1 ? now : now + TimeSpan.FromSeconds((1 - tokens) / rate);
            retryAt = new[] { chatAt, windowAt, tokenAt, globalPausedUntil }.Max();
            if (retryAt > now)
            {
                return false;
            }

            tokens -= 1;
            recent.Enqueue(now);
            chatNextAllowed[chat] = perChatInterval > TimeSpan.Zero ? now + perChatInterval + ChatMargin : now;
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
