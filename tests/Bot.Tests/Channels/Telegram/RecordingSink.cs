using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

/// <summary>A stand-in inbox: records every hand-over, reports a repeated update id as a duplicate, can fail on demand.</summary>
internal sealed class RecordingSink : IInboundSink
{
    private readonly List<(InboundMessage Message, string Raw, bool Fresh)> _accepted = [];
    private readonly HashSet<string> _seen = [];
    private readonly object _gate = new();
    private readonly Infrastructure.Pulse _acceptedPulse = new();
    private int _failuresLeft;

    public IReadOnlyList<(InboundMessage Message, string Raw, bool Fresh)> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public int Attempts { get; private set; }

    public void FailNext(int count) => _failuresLeft = count;

    public Task<bool> AcceptAsync(InboundMessage message, string rawPayload, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Attempts++;
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                throw new InvalidOperationException("inbox unavailable");
            }

            var fresh = _seen.Add(message.UpdateId);
            _accepted.Add((message, rawPayload, fresh));
            _acceptedPulse.Ring();
            return Task.FromResult(fresh);
        }
    }

    public Task WaitForAsync(int count, TimeSpan? timeout = null) =>
        _acceptedPulse.UntilAsync(() => Accepted.Count >= count, timeout ?? TimeSpan.FromSeconds(10));
}
