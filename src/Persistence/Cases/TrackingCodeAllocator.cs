using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Cases;

/// <summary>
/// Issues tracking codes (<c>HD-2026-000123</c>) from <see cref="TrackingSequence"/> rows.
/// Call it inside the caller's transaction, the one that also inserts the case:
/// <code>
/// await using var tx = await db.Database.BeginTransactionAsync(ct); // BEGIN IMMEDIATE on SQLite
/// var code = await allocator.NextAsync("HD", 2026, ct);
/// db.Cases.Add(Case.Create(report, code, now));
/// await db.SaveChangesAsync(ct);
/// await tx.CommitAsync(ct);
/// </code>
/// Microsoft.Data.Sqlite begins transactions IMMEDIATE (write lock first), so concurrent callers queue
/// on the lock instead of failing with SQLITE_BUSY half way; a rolled-back case gives its number back.
/// </summary>
public sealed class TrackingCodeAllocator(ResidentBotDbContext db)
{
    public async Task<string> NextAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "TrackingCodeAllocator.NextAsync must run inside the caller's transaction " +
                "(await db.Database.BeginTransactionAsync(ct)), so the code and the case commit together.");
        }

        // ON CONFLICT DO NOTHING is understood by SQLite and PostgreSQL alike.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "TrackingSequences" ("Prefix", "Year", "Next") VALUES ({prefix}, {year}, 1) ON CONFLICT DO NOTHING""",
            cancellationToken).ConfigureAwait(false);

        await db.TrackingSequences
            .Where(s => s.Prefix == prefix && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, x => x.Next + 1), cancellationToken)
            .ConfigureAwait(false);

        var next = await db.TrackingSequences.AsNoTracking()
            .Where(s => s.Prefix == prefix && s.Year == year)
            .Select(s => s.Next)
            .SingleAsync(cancellationToken)
            .ConfigureAwait(false);

        return TrackingCode.Format(prefix, year, next - 1);
    }
}
