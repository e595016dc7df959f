using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.WebConsole.Shell;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.WebConsole.Admin.Deliveries;

/// <summary>
/// An administrator sends refused messages again (the chat was fixed, the person unblocked the bot): each goes back to
/// the outbox as due now, and the outbox is woken. One conditional UPDATE in the write gate's turn moves only what is
/// still Failed, so a double click, a second tab or a message that changed meanwhile is not moved twice. A message
/// whose secret the outbox already forgot stays Failed: sent again it would carry the placeholder, not the code.
/// </summary>
internal sealed partial class DeliveryRetry(ConsoleWrites writes, TimeProvider time, ILogger<DeliveryRetry> logger)
{
    /// <summary>Retries one message; false when it was no longer a retryable failure.</summary>
    public async Task<bool> RetryAsync(long messageId, int administratorId, CancellationToken cancellationToken)
    {
        var moved = await MoveAsync(m => m.Id == messageId, cancellationToken);
        LogRetried(administratorId, messageId.ToString(System.Globalization.CultureInfo.InvariantCulture), moved);
        return moved == 1;
    }

    /// <summary>Retries every retryable failure of <paramref name="channel"/>; returns how many went back.</summary>
    public async Task<int> RetryChannelAsync(string channel, int administratorId, CancellationToken cancellationToken)
    {
        var moved = await MoveAsync(m => m.Channel == channel, cancellationToken);
        LogRetried(administratorId, "channel " + channel, moved);
        return moved;
    }

    private Task<int> MoveAsync(System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> which, CancellationToken cancellationToken) =>
        writes.RunAsync((_, db, token) =>
        {
            var now = time.GetUtcNow();
            return db.OutboxMessages.Where(which)
                .Where(m => m.Status == OutboxStatus.Failed && !m.Payload.Contains(OutboxSecrets.Placeholder))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now), token);
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {AdministratorId} retried failed deliveries ({Which}): {Moved} back in the outbox")]
    private partial void LogRetried(int administratorId, string which, int moved);
}
