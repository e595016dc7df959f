using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ResidentBot.Pages.Bench;

/// <summary>
/// Fills a migrated database (the host has imported the directory) with a year of cases across the directory's wards,
/// categories and accountable officials: mostly resolved and closed, some open, waiting, reopened or rejected; each
/// ward with its own share of late acknowledgements and fixes, so the ranking has something to rank; ratings that follow
/// punctuality; about one case in eight published by its resident, with a result note. Raw bulk insert in one
/// transaction (about 1,000,000 cases a minute here); no case log rows, which the results do not read.
/// </summary>
public static class PagesSeeder
{
    /// <summary>The reporters' names, so a test can look for them in what the public page shows.</summary>
    public const string ResidentNamePrefix = "Cư dân mẫu ";

    public const string TrackingPrefix = "HB";

    private const int Residents = 2000;

    /// <summary>Adds <paramref name="total"/> cases reported in the year before <paramref name="now"/>; returns how many were published.</summary>
    public static int Seed(string databasePath, int total, DateTimeOffset now, int seed = 14)
    {
        var random = new Random(seed);
        using var c = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        c.Open();
        Exec(c, "PRAGMA busy_timeout = 10000");
        using var tx = c.BeginTransaction();
        var wards = SeedDirectory.Wards(c);
        var categories = SeedDirectory.Categories(c);
        if (wards.Count == 0 || categories.Count == 0)
        {
            throw new InvalidOperationException("the database has no wards or categories: start the host on it once first (it imports the directory)");
        }

        var firstResident = AddResidents(c, tx, now);
        var lateness = wards.Select(_ => 0.05 + (random.NextDouble() * 0.35)).ToArray();
        using var insert = CaseInsert.Prepare(c, tx);
        var published = 0;
        for (var i = 1; i <= total; i++)
        {
            var ward = Skewed(random, wards.Count);
            var category = categories[Skewed(random, categories.Count)];
            var row = SeedCase.Make(random, now, wards[ward], category, lateness[ward]);
            published += row.Published ? 1 : 0;
            insert.Add(row, $"{TrackingPrefix}-{row.CreatedAt.Year}-{i:D7}", firstResident + random.Next(Residents));
        }

        tx.Commit();
        Exec(c, "ANALYZE");
        return published;
    }

    private static long AddResidents(SqliteConnection c, SqliteTransaction tx, DateTimeOffset now)
    {
        using var q = c.CreateCommand();
        q.Transaction = tx;
        q.CommandText = "INSERT INTO Residents (DisplayName, Phone, Language, CreatedAt) VALUES ($name, $phone, 'vi', $at)";
        var name = q.Parameters.Add("$name", SqliteType.Text);
        var phone = q.Parameters.Add("$phone", SqliteType.Text);
        q.Parameters.AddWithValue("$at", now.AddYears(-1).ToUnixTimeMilliseconds());
        long first = 0;
        for (var i = 0; i < Residents; i++)
        {
            name.Value = ResidentNamePrefix + i.ToString(CultureInfo.InvariantCulture);
            phone.Value = $"09{i:D8}";
            q.ExecuteNonQuery();
            first = first == 0 ? Scalar(c, tx, "SELECT last_insert_rowid()") : first;
        }

        return first;
    }

    // A few wards and categories get most reports, as in a real city.
    private static int Skewed(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 1.6)));

    private static void Exec(SqliteConnection c, string sql)
    {
        using var q = c.CreateCommand();
        q.CommandText = sql;
        q.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using var q = c.CreateCommand();
        q.Transaction = tx;
        q.CommandText = sql;
        return Convert.ToInt64(q.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
