using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResidentBot.Bot.Tests.Infrastructure;

/// <summary>
/// Rings a <see cref="Pulse"/> whenever the host's DbContext commits something (SaveChanges, an explicit transaction,
/// a bulk update or raw statement), so the test host's waits look again at once instead of sleeping between looks.
/// </summary>
internal sealed class DatabaseChanges : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    public Pulse Pulse { get; } = new();

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Pulse.Ring();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Pulse.Ring();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Pulse.Ring();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Pulse.Ring();
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Pulse.Ring();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Pulse.Ring();
        return ValueTask.FromResult(result);
    }
}
