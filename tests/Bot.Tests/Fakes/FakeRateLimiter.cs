namespace ResidentBot.Bot.Tests.Fakes;

/// <summary>Telegram's documented flood limits: about 1 message/s per chat and 30 messages/s overall.</summary>
internal sealed class FakeRateLimiter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, DateTimeOffset> _lastPerChat = [];
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly object _gate = new();

    public int PerChatPerSecond { get; set; } = 1;

    public int OverallPerSecond { get; set; } = 30;

    /// <summary>Returns null when the send is allowed (and counts it), else the seconds to wait.</summary>
    public int? TryAcquire(string chatId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_recent.TryPeek(out var oldest) && now - oldest >= Window)
            {
                _recent.Dequeue();
            }

            if (_lastPerChat.TryGetValue(chatId, out var last) && now - last < Window / PerChatPerSecond)
            {
                return SecondsUntil(last + (Window / PerChatPerSecond) - now);
            }

            if (_recent.Count >= OverallPerSecond)
            {
                return SecondsUntil(_recent.Peek() + Window - now);
            }

            _lastPerChat[chatId] = now;
            _recent.Enqueue(now);
            return null;
        }
    }

    private static int SecondsUntil(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
