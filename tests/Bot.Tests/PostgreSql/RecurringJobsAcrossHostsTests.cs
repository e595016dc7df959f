using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.PostgreSql;

/// <summary>Two hosts on one PostgreSQL database share Hangfire's storage: recurring jobs exist once and each schedule runs once, on the hosts' own Hangfire servers.</summary>
/// <remarks>
/// Alone, after the parallel tests: beside the whole suite it twice waited out its 120 s with every run still Scheduled,
/// once in the shape that built its own servers on Hangfire's process-wide statics and once on the hosts' own servers.
/// Other tests' hosts come and go in the same process (Hangfire's statics, <c>NpgsqlConnection.ClearAllPools</c> when a
/// test database is dropped); production runs one host per process.
/// </remarks>
[Collection(HangfireAcrossHostsCollection.Name)]
public sealed class RecurringJobsAcrossHostsTests : IDisposable
{
    private readonly IDisposable provider = TestDatabases.Use(TestDatabases.PostgreSql);

    [SkippableFact]
    public async Task Two_hosts_register_the_recurring_jobs_once_and_two_hangfire_servers_run_each_schedule_once()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-two-hosts-").FullName;
        var first = await BotTestHost.StartAsync(folder: folder, keepFolder: true);
        await using var second = await BotTestHost.StartAsync(folder: folder);
        try
        {
            var storages = new[] { first, second }.Select(h => h.Services.GetRequiredService<JobStorage>()).ToList();
            Assert.NotSame(storages[0], storages[1]);
            using (var connection = storages[1].GetConnection())
            {
                var ids = connection.GetRecurringJobs().Select(j => j.Id).ToList();
                Assert.Contains(ChaseRecurringJobs.Sweep, ids);
                Assert.Equal(ids.Distinct().Count(), ids.Count);
            }

            // A job due every second, triggered by whichever host's Hangfire server takes Hangfire's distributed lock first;
            // the product's own servers (built from each host's services), whose scheduler moves due jobs every 15 s.
            var key = Guid.NewGuid().ToString("N");
            first.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<EverySecondJob>(key, job => job.Run(key, null), "* * * * * *");

            // As in the whole suite: another host of the same process starts and goes. It leaves Hangfire's process-wide
            // JobStorage.Current on its disposed storage, and servers built on Hangfire's globals (the test's own, before)
            // then left every run Scheduled; the hosts' servers take what they need from their own services.
            await (await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Chase:RunServer"] = "false" })).DisposeAsync();
            await EverySecondJob.WaitForAsync(key, runs: 4, TimeSpan.FromSeconds(120)); // a deadline on a signal

            var runs = EverySecondJob.Runs(key);
            Assert.True(runs.Count >= 4);
            Assert.Equal(runs.Count, runs.Select(r => r.ScheduledAt).Distinct().Count());
            Assert.Equal(runs.Count, runs.Select(r => r.JobId).Distinct().Count());
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    public void Dispose() => provider.Dispose();
}

/// <summary>Runs its tests with nothing beside them (xunit runs non-parallel collections after the rest).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireAcrossHostsCollection
{
    public const string Name = "Hangfire across hosts, alone";
}

/// <summary>Records each run with the schedule time Hangfire triggered it for (job parameter <c>Time</c>).</summary>
public sealed class EverySecondJob
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string JobId, long ScheduledAt)>> All = new();
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Signals = new();

    public void Run(string key, PerformContext? context)
    {
        ArgumentNullException.ThrowIfNull(context);
        All.GetOrAdd(key, _ => new()).Enqueue((context.BackgroundJob.Id, context.GetJobParameter<long>("Time")));
        Signals.GetOrAdd(key, _ => new SemaphoreSlim(0)).Release();
    }

    internal static List<(string JobId, long ScheduledAt)> Runs(string key) => [.. All.GetOrAdd(key, _ => new())];

    internal static async Task WaitForAsync(string key, int runs, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var signal = Signals.GetOrAdd(key, _ => new SemaphoreSlim(0));
        for (var i = 0; i < runs; i++)
        {
            await signal.WaitAsync(cts.Token);
        }
    }
}
