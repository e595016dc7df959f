using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.WebConsole.Shell;

/// <summary>
/// A console action is one unit of work, like one inbox turn: a fresh scope, the write gate's turn, one transaction,
/// saved and committed together; then the outbox is woken for what the action queued.
/// </summary>
internal sealed class ConsoleWrites(IServiceScopeFactory scopes, IWriteGate gate, OutboxSignal outbox)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, ResidentBotDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            using (await gate.EnterAsync(db, cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                result = await work(scope.ServiceProvider, db, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        outbox.Notify();
        return result;
    }
}
