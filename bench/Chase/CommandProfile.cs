using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResidentBot.Chase.Bench;

/// <summary>Counts EF commands and their time by SQL text (set CHASE_PROFILE=1), to see queries per case.</summary>
internal sealed class CommandProfile : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, (int Count, long Ticks)> stats = new();
    private readonly ConcurrentDictionary<DbCommand, long> started = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        started[command] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        started[command] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public void Reset() => stats.Clear();

    public void Print(int cases)
    {
        foreach (var (sql, (count, ticks)) in stats.OrderByDescending(s => s.Value.Ticks))
        {
            var ms = ticks * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine($"{count,7} x {ms,9:F0} ms ({count / (double)Math.Max(1, cases),5:F2}/case) {Flat(sql)}");
        }
    }

    private void Record(DbCommand command)
    {
        var elapsed = started.TryRemove(command, out var start) ? Stopwatch.GetTimestamp() - start : 0;
        stats.AddOrUpdate(command.CommandText, (1, elapsed), (_, s) => (s.Count + 1, s.Ticks + elapsed));
    }

    private static string Flat(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 160 ? flat[..160] + "…" : flat;
    }
}
