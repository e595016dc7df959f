using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// Writes each attempt's outcome ("sent", "retry at", "failed") the moment the channel answered, with those of the
/// other chats delivered meanwhile in one transaction (group commit, batches bounded so the write gate is held
/// briefly). A message that is done with also loses the secrets it carried (<see cref="OutboxSecrets"/>).
/// </summary>
internal sealed class DeliveryOutcomes
{
    private readonly IServiceScopeFactory scopes;
    private readonly IWriteGate writeGate;
    private readonly GroupCommit<OutboxMessage, bool> commits;

    public DeliveryOutcomes(IServiceScopeFactory scopes, IWriteGate writeGate)
    {
        this.scopes = scopes;
        this.writeGate = writeGate;
        commits = new GroupCommit<OutboxMessage, bool>(WriteAsync, maxBatch: 64);
    }

    /// <summary>The single writer; outcomes already submitted are still written after <paramref name="stoppingToken"/>.</summary>
    public Task RunAsync(CancellationToken stoppingToken) => commits.RunAsync(stoppingToken);

    /// <summary>Waits until the outcome is committed. Not cancellable: a message the channel accepted must keep its mark.</summary>
    public Task SaveAsync(OutboxMessage message) => commits.SubmitAsync(message, CancellationToken.None);

    // A channel has no idempotency key, so a message delivered but not marked would go out again after a crash:
    // marks are written within milliseconds of delivery, and a chat's next message waits for its mark.
    private async Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<OutboxMessage> attempted, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var message in attempted)
            {
                await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, message.Status)
                        .SetProperty(m => m.Attempts, message.Attempts)
                        .SetProperty(m => m.SentAt, message.SentAt)
                        .SetProperty(m => m.ExternalMessageId, message.ExternalMessageId)
                        .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                        .SetProperty(m => m.LastError, message.LastError),
                    cancellationToken);
                // A waiting message keeps its secrets: it is still to be read.
                if (message.Status is OutboxStatus.Sent or OutboxStatus.Failed && OutboxSecrets.Scrub(message.Payload) is { } scrubbed)
                {
                    await db.OutboxMessages.Where(m => m.Id == message.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, scrubbed), cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return [.. attempted.Select(_ => true)];
    }
}
