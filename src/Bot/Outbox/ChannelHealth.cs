namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Whether a channel answers. After a transient failure (5xx, network, a proxy's 404) the channel counts as down:
/// chats do not each wait out their own growing backoff, but one message at a time is tried as a probe (the 1st
/// after 1 s, then 2, 4 … up to <c>maxProbeInterval</c>), and the first success brings the channel back and releases
/// the messages that failed while it was down, so a backlog goes out as soon as the channel answers again.
/// </summary>
internal sealed class ChannelHealth(TimeProvider time, TimeSpan maxProbeInterval)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, string> failedWhileDown = [];
    private int probeFailures;
    private long? probe;

    public bool IsDown { get; private set; }

    /// <summary>When the next probe may start while the channel is down.</summary>
    public DateTimeOffset ProbeAt { get; private set; }

    /// <summary>Down, no probe under way, and the time for the next one has come.</summary>
    public bool CanProbe
    {
        get
        {
            lock (gate)
            {
                return IsDown && probe is null && time.GetUtcNow() >= ProbeAt;
            }
        }
    }

    /// <summary>While down: true when <paramref name="messageId"/> may go now as the probe; it then reports its outcome.</summary>
    public bool TryStartProbe(long messageId)
    {
        lock (gate)
        {
            if (!IsDown || probe is not null || time.GetUtcNow() < ProbeAt)
            {
                return false;
            }

            probe = messageId;
            return true;
        }
    }

    /// <summary>
    /// A message to <paramref name="chat"/> failed in a way that says nothing about the message itself. The first such
    /// failure takes the channel down; a failed probe puts the next one off (messages sent before the channel went
    /// down and failing after do not).
    /// </summary>
    public void Failed(long messageId, string chat)
    {
        lock (gate)
        {
            var wasProbe = probe == messageId || !IsDown;
            if (probe == messageId)
            {
                probe = null;
            }

            IsDown = true;
            failedWhileDown[messageId] = chat;
            if (wasProbe)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, probeFailures), maxProbeInterval.TotalSeconds));
                probeFailures++;
                ProbeAt = time.GetUtcNow() + wait;
            }
        }
    }

    /// <summary>
    /// The channel answered (sent, or refused the message itself). Returns the messages to try again at once: those
    /// that failed while it was down — unless only one chat failed, which points at that chat's message rather than
    /// the channel, so that message keeps its own backoff.
    /// </summary>
    public IReadOnlyList<long> Answered()
    {
        lock (gate)
        {
            if (!IsDown)
            {
                return [];
            }

            IReadOnlyList<long> release = failedWhileDown.Values.Distinct().Count() > 1 ? [.. failedWhileDown.Keys] : [];
            failedWhileDown.Clear();
            IsDown = false;
            probe = null;
            probeFailures = 0;
            return release;
        }
    }

    /// <summary>The attempt ended without an answer either way (the host is stopping).</summary>
    public void Abandoned(long messageId)
    {
        lock (gate)
        {
            if (probe == messageId)
            {
                probe = null;
            }
        }
    }
}
