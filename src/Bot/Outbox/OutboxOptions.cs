using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Outbox;

internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Messages per second across all chats (Telegram allows about 30).</summary>
    [Range(1, 1000)]
    public int MessagesPerSecond { get; set; } = 30;

    /// <summary>Minimum gap between two messages to the same chat (Telegram: about one per second).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many deliveries may be in flight at once (network round trips overlap).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Longest wait between retries of a failing delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest wait between two probes of a channel that is down (5xx, network errors): one waiting message is tried
    /// after 1 s, 2 s, 4 s … up to this, and once one goes through everything that waited for the channel goes out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the sender looks for due messages when nobody woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
