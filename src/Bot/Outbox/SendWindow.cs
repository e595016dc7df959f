namespace ResidentBot.Bot.Outbox;

/// <summary>
/// A channel's "at most N a second", kept where the channel counts it: on arrival. A send arrives somewhere between
/// the moment we take its slot and the moment the channel answers, so a send may start only once the send N places
/// before it has been answered for a whole window. Then the first and the last of any N + 1 sends arrive at least a
/// window apart, whatever the round trips and however late a loaded host starts a request (a window counted from the
/// slots alone let 31 arrivals into one second when the cluster benchmark loaded the host).
/// </summary>
/// <remarks>
/// The cost is one round trip per N sends: N / (window + round trip) a second. Not thread-safe; the pacer holds its lock.
/// </remarks>
internal sealed class SendWindow(int perWindow, TimeSpan window)
{
    private static readonly TimeProvider Monotonic = TimeProvider.System;

    // The last N slots in the order they were taken; a slot's answer time is null while its send is on its way.
    private readonly Queue<Slot> slots = new(perWindow);

    // Each chat's slots on their way, oldest first: a chat's sends go one after another, so its answers come in order.
    private readonly Dictionary<string, Queue<Slot>> onTheirWay = new(StringComparer.Ordinal);
    private readonly long windowTicks = (long)(window.TotalSeconds * Monotonic.TimestampFrequency);

    /// <summary>How long until a slot is free; zero when one is free now. Unknown while the oldest send is unanswered:
    /// then a window, and the answer (which wakes the sender) comes first.</summary>
    public TimeSpan WaitForSlot()
    {
        if (slots.Count < perWindow)
        {
            return TimeSpan.Zero;
        }

        var oldest = slots.Peek();
        if (oldest.AnsweredAt is not { } answered)
        {
            return window;
        }

        var left = answered + windowTicks - Monotonic.GetTimestamp();
        return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / Monotonic.TimestampFrequency);
    }

    /// <summary>Takes a slot for a send to <paramref name="chat"/>; call only when <see cref="WaitForSlot"/> said zero.</summary>
    public void Take(string chat)
    {
        if (slots.Count >= perWindow)
        {
            slots.Dequeue();
        }

        var slot = new Slot();
        slots.Enqueue(slot);
        if (!onTheirWay.TryGetValue(chat, out var chatSlots))
        {
            onTheirWay[chat] = chatSlots = new Queue<Slot>(1);
        }

        chatSlots.Enqueue(slot);
    }

    /// <summary>The channel answered (or refused, or the send failed) the oldest send on its way to <paramref name="chat"/>.</summary>
    public void Answered(string chat)
    {
        if (onTheirWay.TryGetValue(chat, out var chatSlots))
        {
            chatSlots.Dequeue().AnsweredAt = Monotonic.GetTimestamp();
            if (chatSlots.Count == 0)
            {
                onTheirWay.Remove(chat);
            }
        }
    }

    /// <summary>The chat's turn is over: slots it took but did not use (a turn stopped early) count as answered now.</summary>
    public void Finished(string chat)
    {
        if (onTheirWay.Remove(chat, out var chatSlots))
        {
            var now = Monotonic.GetTimestamp();
            foreach (var slot in chatSlots)
            {
                slot.AnsweredAt = now;
            }
        }
    }

    private sealed class Slot
    {
        public long? AnsweredAt { get; set; }
    }
}
