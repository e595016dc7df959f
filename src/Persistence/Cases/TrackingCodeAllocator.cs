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

        // One statement (an upsert that returns the counter after it), understood by SQLite and PostgreSQL alike; it
        // was three (insert if missing, increment, read back) in every case submission. Not composed further: EF runs
        // the SQL as written only when nothing is added to it.
        var returned = await db.Database.SqlQuery<int>($"""
            INSERT INTO "TrackingSequences" ("Prefix", "Year", "Next") VALUES ({prefix}, {year}, 2)
            ON CONFLICT ("Prefix", "Year") DO UPDATE SET "Next" = "TrackingSequences"."Next" + 1
            RETURNING "Next" AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        var next = returned.Single();

        return TrackingCode.Format(prefix, year, next - 1);
    }
}
