using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Counts open streamUrl WebSockets per conversation and per client address, so one token or one address cannot
/// hold hundreds of sockets (each holds buffers and a pushing loop). A stream beyond either cap is refused.
/// </summary>
internal sealed class WebChatSockets(IOptions<WebChatOptions> options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>A lease to release when the socket closes, or null when a cap is reached.</summary>
    public IDisposable? TryOpen(string conversationId, string clientAddress)
    {
        var conversation = "conv:" + conversationId;
        var client = "client:" + clientAddress;
        lock (gate)
        {
            if (Count(conversation) >= options.Value.MaxSocketsPerConversation || Count(client) >= options.Value.MaxSocketsPerClient)
            {
                return null;
            }

            open[conversation] = Count(conversation) + 1;
            open[client] = Count(client) + 1;
        }

        return new Lease(this, conversation, client);
    }

    private int Count(string key) => open.GetValueOrDefault(key);

    private void Release(string conversation, string client)
    {
        lock (gate)
        {
            foreach (var key in new[] { conversation, client })
            {
                if (Count(key) <= 1)
                {
                    open.Remove(key);
                }
                else
                {
                    open[key]--;
                }
            }
        }
    }

    private sealed class Lease(WebChatSockets sockets, string conversation, string client) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                sockets.Release(conversation, client);
            }
        }
    }
}
