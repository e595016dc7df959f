using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Cases;

/// <summary>The columns of one case that the results and the scorecard read.</summary>
internal readonly record struct ScannedCase(
    int AreaId, int? AccountableOfficialId, CaseStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgeDueAt,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? ResolveDueAt, DateTimeOffset? ResolvedAt, int? Rating, TimeSpan PausedFor,
    DateTimeOffset? PausedAt, int ReopenCount, double? Latitude, double? Longitude);

/// <summary>
/// Streams the cases reported in a period: the results page's refresh reads a year, the board's scorecard a week. On SQLite a plain data reader over the context's connection: EF's
/// materializer (six value converters and a TimeSpan parse per row) made a 1,000,000-case refresh take tens of seconds,
/// the reader a few. The SQL is the SQLite schema's own (dates are Unix milliseconds there), so it stays behind
/// <see cref="DatabaseFacade.IsSqlite"/>; any other provider gets the same rows through LINQ.
/// </summary>
internal static class CaseScan
{
    // The status (stored by name) and the pause (stored as text, almost always zero) are turned into what the reader
    // needs in SQL: two strings per row read into .NET were half of what a million-case refresh allocated.
    private static readonly string StatusAsNumber =
        $"CASE Status {string.Join(' ', Enum.GetValues<CaseStatus>().Select(s => $"WHEN '{s}' THEN {(int)s}"))} ELSE -1 END";

    public delegate void Each(in ScannedCase row);

    /// <summary>
    /// Calls <paramref name="each"/> for every case reported from <paramref name="since"/> to before <paramref name="until"/>
    /// (null: no end), in <paramref name="areas"/> when given. The areas are filtered in SQL, on the index: a row the
    /// reader hands to .NET costs far more than one SQLite skips (the board's week: 30,601 rows read for 17,657 kept).
    /// </summary>
    public static async Task ForEachBetweenAsync(ResidentBotDbContext db, DateTimeOffset since, DateTimeOffset? until, Each each, CancellationToken cancellationToken,
        IReadOnlyCollection<int>? areas = null)
    {
        ArgumentNullException.ThrowIfNull(each);
        if (db.Database.IsSqlite())
        {
            Sqlite(db, since, until, each, cancellationToken, areas);
            return;
        }

        await foreach (var row in LinqAsync(db, since, until, cancellationToken, areas))
        {
            each(row);
        }
    }

    internal static async IAsyncEnumerable<ScannedCase> LinqAsync(ResidentBotDbContext db, DateTimeOffset since, DateTimeOffset? until,
        [EnumeratorCancellation] CancellationToken cancellationToken, IReadOnlyCollection<int>? areas = null)
    {
        var cases = db.Cases.AsNoTracking().Where(c => c.CreatedAt >= since);
        cases = until is { } end ? cases.Where(c => c.CreatedAt < end) : cases;
        if (areas is not null)
        {
            var ids = areas.ToArray();
            cases = cases.Where(c => ids.Contains(c.AreaId));
        }

        var rows = cases
            .Select(c => new ScannedCase(c.AreaId, c.AccountableOfficialId, c.Status, c.CreatedAt, c.AcknowledgeDueAt, c.AcknowledgedAt,
                c.ResolveDueAt, c.ResolvedAt, c.Rating, c.PausedFor, c.PausedAt, c.ReopenCount, c.Latitude, c.Longitude))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    // Synchronous on purpose: Microsoft.Data.Sqlite's async calls complete synchronously, and a million awaits cost more than the reads.
    // Fully optimised at its first call: it runs once per month read, so tiered compilation left its loop in unoptimised
    // code for most of a refresh (a million-case first refresh read in 6.7 s with tiering, 3.4 s without).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Sqlite(ResidentBotDbContext db, DateTimeOffset since, DateTimeOffset? until, Each each, CancellationToken cancellationToken,
        IReadOnlyCollection<int>? areas = null)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            connection.Open();
        }

        try
        {
            using var command = connection.CreateCommand();
            // A value that can be absent comes back as a sentinel rather than NULL, so each column is one read instead of an
            // IsDBNull and a read: the bench's week (32,318 rows, 10 such columns) read in 49 ms instead of 68.
            command.CommandText = $"SELECT AreaId, {Present("AccountableOfficialId")}, {StatusAsNumber}, CreatedAt, {Present("AcknowledgeDueAt")}, "
                + $"{Present("AcknowledgedAt")}, {Present("ResolveDueAt")}, {Present("ResolvedAt")}, {Present("Rating")}, NULLIF(PausedFor, '00:00:00'), "
                + $"{Present("PausedAt")}, ReopenCount, COALESCE(Latitude, $noPoint), COALESCE(Longitude, $noPoint) FROM Cases "
                + "WHERE CreatedAt >= $since AND CreatedAt < $until"
                + (areas is null ? string.Empty : " AND AreaId IN (SELECT value FROM json_each($areas))");
            var parameters = new List<(string Name, object Value)>
            {
                ("$since", since.ToUnixTimeMilliseconds()), ("$until", (until ?? DateTimeOffset.MaxValue).ToUnixTimeMilliseconds()),
                ("$absent", Absent), ("$noPoint", NoPoint),
            };
            if (areas is not null)
            {
                parameters.Add(("$areas", $"[{string.Join(',', areas.Select(a => a.ToString(CultureInfo.InvariantCulture)))}]"));
            }

            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            using var r = command.ExecuteReader();
            var read = 0;
            while (r.Read())
            {
                if (++read % 65_536 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                each(new ScannedCase(
                    r.GetInt32(0), NullableInt(r, 1), Status(r.GetInt32(2)), At(r.GetInt64(3)), NullableAt(r, 4), NullableAt(r, 5),
                    NullableAt(r, 6), NullableAt(r, 7), NullableInt(r, 8), r.IsDBNull(9) ? TimeSpan.Zero : Paused(r.GetString(9)), NullableAt(r, 10), r.GetInt32(11),
                    NullablePoint(r, 12), NullablePoint(r, 13)));
            }
        }
        finally
        {
            if (opened)
            {
                connection.Close();
            }
        }
    }

    private static DateTimeOffset At(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    // No stored value is either: ids and ratings are positive, times are after 1970, coordinates within ±180.
    private const long Absent = long.MinValue;
    private const double NoPoint = double.MinValue;

    private static string Present(string column) => $"COALESCE({column}, $absent)";

    private static DateTimeOffset? NullableAt(DbDataReader r, int i) => r.GetInt64(i) is var value && value == Absent ? null : At(value);

    private static int? NullableInt(DbDataReader r, int i) => r.GetInt64(i) is var value && value == Absent ? null : checked((int)value);

    private static double? NullablePoint(DbDataReader r, int i) => r.GetDouble(i) is var value && value == NoPoint ? null : value;

    private static TimeSpan Paused(string text) => TimeSpan.Parse(text, CultureInfo.InvariantCulture);

    private static CaseStatus Status(int value) =>
        Enum.IsDefined((CaseStatus)value) ? (CaseStatus)value : throw new InvalidDataException("a case has a status this version does not know");
}
