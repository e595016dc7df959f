using System.Threading.RateLimiting;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Keeps one channel under its limits before it has to say 429: a gap between two messages to one chat, a number per
/// second across the channel, and the pause a 429 asked for. The channel counts arrivals, which trail our sends by a
/// time that grows with the host's load, so both limits are counted from the channel's answers (<see cref="SendWindow"/>,
/// <see cref="Answered"/>), and the channel's budget is spent evenly (a small burst, then one send every 1/rate seconds)
/// rather than all at the start of a second.
/// </summary>
/// <remarks>
/// The even spending is System.Threading.RateLimiting's token bucket, which counts on the monotonic clock (it takes no
/// TimeProvider, dotnet/runtime#106447); the 429 pause is on <see cref="TimeProvider"/>, like the retry it goes with. A
/// message is let go only when every limit has room, and only then is room taken, so a chat that waits for the channel's
/// budget does not also lose its own turn (and the other way round). Every slot taken is given back through
/// <see cref="Answered"/> or <see cref="Finished"/>: a slot never given back holds the channel.
/// </remarks>
internal sealed class DeliveryPacer : IDisposable
{
    // A few per cent wider than the channel's second: its clock and ours need not agree on where a second ends.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.03);
    private static readonly TimeSpan ChatMargin = TimeSpan.FromMilliseconds(50);

    // A chat's permit is cut into slices so that "not yet" says when to within a tenth of the gap, not a whole gap.
    private const int ChatSlices = 10;

    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly TokenBucketRateLimiter? spread;
    private readonly SendWindow? window;
    private readonly PartitionedRateLimiter<string>? perChat;
    private readonly TimeSpan chatGap;
    private readonly Dictionary<string, long> answeredUntil = new(StringComparer.Ordinal);
    private DateTimeOffset pausedUntil;

    // The gap after an answer is on the monotonic clock, like the limiters (and unlike the 429 pause).
    private static readonly TimeProvider Monotonic = TimeProvider.System;
    private const int MaxRemembered = 10_000;

    public DeliveryPacer(TimeProvider time, int perSecond, TimeSpan perChatInterval)
    {
        this.time = time;
        if (perSecond > 0)
        {
            // Replenished by us before each look, so tokens accrue continuously with the time that passed.
            spread = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = (int)Math.Max(1, perSecond / 6.0),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = Window / perSecond,
                AutoReplenishment = false,
                QueueLimit = 0,
            });
            window = new SendWindow(perSecond, Window);
        }

        if (perChatInterval > TimeSpan.Zero)
        {
            chatGap = perChatInterval + ChatMargin;
            // The partitioned limiter replenishes its chats every 100 ms and forgets the ones that have been idle a while.
            var slice = (perChatInterval + ChatMargin) / ChatSlices;
            perChat = PartitionedRateLimiter.Create<string, string>(chat => RateLimitPartition.GetTokenBucketLimiter(chat, _ =>
                new TokenBucketRateLimiterOptions { TokenLimit = ChatSlices, TokensPerPeriod = 1, ReplenishmentPeriod = slice, QueueLimit = 0 }));
        }
    }

    /// <summary>Takes a slot for <paramref name="chat"/> if one is free now; otherwise says when to try again.</summary>
    public bool TryTake(string chat, out DateTimeOffset retryAt)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            spread?.TryReplenish();
            retryAt = pausedUntil > now ? pausedUntil : now;
            retryAt = Later(retryAt, WhenFree(spread, now, 1));
            retryAt = Later(retryAt, now + (window?.WaitForSlot() ?? TimeSpan.Zero));
            retryAt = Later(retryAt, perChat is null ? now : WhenFree(perChat, chat, now));
            retryAt = Later(retryAt, AfterAnswer(chat, now));
            if (retryAt > now)
            {
                return false;
            }

            using var spent = spread?.AttemptAcquire();
            window?.Take(chat);
            using var taken = perChat?.AttemptAcquire(chat, ChatSlices);
            return true;
        }
    }

    /// <summary>
    /// The channel answered a send to <paramref name="chat"/>: the chat's next send waits a whole gap from now. The
    /// channel counts the gap between arrivals, and a send arrives somewhere between our asking and the answer, so a gap
    /// counted from the answer holds at the channel whatever the round trips took (counted from the slot alone, a slow
    /// send and a quick one after it arrived 0.9 s apart under load).
    /// </summary>
    public void Answered(string chat)
    {
        lock (gate)
        {
            window?.Answered(chat);
            if (chatGap <= TimeSpan.Zero)
            {
                return;
            }

            if (answeredUntil.Count > MaxRemembered)
            {
                var now = Monotonic.GetTimestamp();
                foreach (var done in answeredUntil.Where(c => c.Value <= now).Select(c => c.Key).ToList())
                {
                    answeredUntil.Remove(done);
                }
            }

            answeredUntil[chat] = Monotonic.GetTimestamp() + (long)(chatGap.TotalSeconds * Monotonic.TimestampFrequency);
        }
    }

    /// <summary>The chat's turn is over: the slots it took for messages it did not send are free again.</summary>
    public void Finished(string chat)
    {
        lock (gate)
        {
            window?.Finished(chat);
        }
    }

    /// <summary>The channel said 429: nothing more on this channel until the wait is over.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (gate)
        {
            pausedUntil = Later(pausedUntil, until);
        }
    }

    public void Dispose()
    {
        spread?.Dispose();
        perChat?.Dispose();
    }

    // A refused attempt takes nothing and says how long until a permit is back.
    private static DateTimeOffset WhenFree(RateLimiter? limiter, DateTimeOffset now, int permits)
    {
        if (limiter is null || limiter.GetStatistics()?.CurrentAvailablePermits >= permits)
        {
            return now;
        }

        using var refused = limiter.AttemptAcquire(permits);
        return refused.IsAcquired ? now : now + RetryAfter(refused); // freed meanwhile: what was taken stays spent
    }

    private static DateTimeOffset WhenFree(PartitionedRateLimiter<string> limiter, string chat, DateTimeOffset now)
    {
        if (limiter.GetStatistics(chat)?.CurrentAvailablePermits >= ChatSlices)
        {
            return now;
        }

        using var refused = limiter.AttemptAcquire(chat, ChatSlices);
        return refused.IsAcquired ? now : now + RetryAfter(refused);
    }

    private DateTimeOffset AfterAnswer(string chat, DateTimeOffset now)
    {
        if (!answeredUntil.TryGetValue(chat, out var until))
        {
            return now;
        }

        var left = until - Monotonic.GetTimestamp();
        return left <= 0 ? now : now + TimeSpan.FromSeconds((double)left / Monotonic.TimestampFrequency);
    }

    private static TimeSpan RetryAfter(RateLimitLease refused) =>
        refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMilliseconds(100);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
