using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Wakes the open WebSockets of a conversation when its activity log grew: here, and through <see cref="Rung"/> on the
/// other hosts of the database, whichever holds the socket (they also poll).
/// </summary>
internal sealed class WebChatHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<bool>, byte>> listeners = new(StringComparer.Ordinal);

    public Subscription Subscribe(string conversationId)
    {
        var signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        listeners.GetOrAdd(conversationId, _ => new()).TryAdd(signal, 0);
        return new Subscription(this, conversationId, signal);
    }

    /// <summary>Raised by <see cref="Notify"/> with the conversation id.</summary>
    public event Action<string>? Rung;

    public void Notify(string conversationId)
    {
        NotifyHere(conversationId);
        Rung?.Invoke(conversationId);
    }

    /// <summary>Wakes this process's sockets of the conversation only (another host appended to it).</summary>
    public void NotifyHere(string conversationId)
    {
        if (listeners.TryGetValue(conversationId, out var set))
        {
            foreach (var signal in set.Keys)
            {
                signal.Writer.TryWrite(true);
            }
        }
    }

    private void Remove(string conversationId, Channel<bool> signal)
    {
        if (listeners.TryGetValue(conversationId, out var set))
        {
            set.TryRemove(signal, out _);
        }
    }

    internal sealed class Subscription(WebChatHub hub, string conversationId, Channel<bool> signal) : IDisposable
    {
        /// <summary>Waits until the log grew or the timeout passed.</summary>
        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                await signal.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Timed out: the caller sends a keep-alive and looks again.
            }
        }

        public void Dispose() => hub.Remove(conversationId, signal);
    }
}
