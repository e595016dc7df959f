using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Chase;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials;
using ResidentBot.Bot.Residents;
using ResidentBot.Persistence;
using ResidentBot.Routing;
using ResidentBot.Chase.Bench;

// Chase sweep benchmark: 1,000,000 open cases in SQLite; a sweep with nothing due, and one with 10,000 due.
// Usage: dotnet run -c Release --project bench/Chase -- [cases=1000000] [due=10000] [runs=5] [remind|overdue]
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var dueCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var overdue = args.Length > 3 && args[3] == "overdue";
var root = FindRoot();
var folder = Directory.CreateTempSubdirectory("residentbot-bench-").FullName;
var dbPath = Path.Combine(folder, "bench.db");
var now = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
var time = new FakeTimeProvider(now.AddMinutes(-30)); // idle sweeps run before the due cases fall due

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:ResidentBot"] = $"Data Source={dbPath}",
    ["Directory:Path"] = Path.Combine(root, "directory", "hai-duong.json"),
    ["Chase:RunServer"] = "false",
});
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole();
builder.Services.AddPersistence(builder.Configuration, folder).AddResidentRouting().AddConversations()
    .AddResidentFeatures().AddOfficialFeatures().AddChase(builder.Configuration);
builder.Services.AddSingleton<TimeProvider>(time);
var profile = Environment.GetEnvironmentVariable("CHASE_PROFILE") == "1" ? new CommandProfile() : null;
if (profile is not null)
{
    builder.Services.ConfigureDbContext<ResidentBotDbContext>(options => options.AddInterceptors(profile));
}

using var app = builder.Build();
var provider = app.Services;
await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
}

var fill = Stopwatch.StartNew();
BenchData.Fill(dbPath, total, dueCount, now, overdue);
Console.WriteLine($"filled {total:N0} cases ({dueCount:N0} due) in {fill.Elapsed.TotalSeconds:F1} s");

await TimeSweepAsync(provider, expected: 0); // warm-up: EF model and query compilation, not counted
var idle = new List<double>();
var busy = new List<double>();

for (var run = 0; run < runs; run++)
{
    idle.Add(await TimeSweepAsync(provider, expected: 0));
}

time.SetUtcNow(now);
for (var run = 0; run < Math.Max(1, runs - 2); run++)
{
    BenchData.ResetDue(dbPath, dueCount, now);
    profile?.Reset();
    busy.Add(await TimeSweepAsync(provider, expected: dueCount));
    profile?.Print(dueCount);
}

Console.WriteLine();
Console.WriteLine("| sweep | runs | median | min | max | target |");
Console.WriteLine("|---|---|---|---|---|---|");
Console.WriteLine($"| nothing due ({total:N0} open) | {idle.Count} | {Median(idle):F1} ms | {idle.Min():F1} ms | {idle.Max():F1} ms | ≤ 50 ms |");
Console.WriteLine($"| {dueCount:N0} due ({(overdue ? "overdue: escalation" : "50% reminder")}) | {busy.Count} | {Median(busy) / 1000:F2} s | {busy.Min() / 1000:F2} s | {busy.Max() / 1000:F2} s | ≤ 10 s |");
Console.WriteLine($"| peak working set | | {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:F0} MB | | | bounded |");
SqliteConnection.ClearAllPools();
if (profile is null)
{
    Directory.Delete(folder, recursive: true);
}
else
{
    Console.WriteLine($"kept {dbPath} for EXPLAIN QUERY PLAN");
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
    await db.Database.OpenConnectionAsync();
    foreach (var pragma in new[] { "journal_mode", "synchronous" })
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        Console.WriteLine($"PRAGMA {pragma} = {await command.ExecuteScalarAsync()} (1 = NORMAL)");
    }
}

async Task<double> TimeSweepAsync(IServiceProvider sp, int expected)
{
    await using var scope = sp.CreateAsyncScope();
    var job = scope.ServiceProvider.GetRequiredService<ChaseSweepJob>();
    var watch = Stopwatch.StartNew();
    var chased = await job.RunAsync(CancellationToken.None);
    watch.Stop();
    if (chased != expected)
    {
        throw new InvalidOperationException($"Expected {expected} chased cases, got {chased}.");
    }

    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ResidentBot.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("ResidentBot.sln not found");
}

