using Hangfire;
using Hangfire.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Tests.Channels.WebChat;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Chase;

public sealed class ChaseRobustnessTests
{
    [Fact]
    public async Task Two_sweeps_running_concurrently_send_each_escalation_once()
    {
        await using var host = await ChaseHost.StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await host.ReportAsync());
        }

        host.Time.SetUtcNow(ChaseHost.Monday.AddDays(1).AddHours(2)); // Tuesday 10:00: acknowledge deadlines passed
        await Task.WhenAll(host.SweepAsync(), host.SweepAsync(), host.SweepAsync());
        await host.SweepAsync();

        var outbox = await host.OutboxAsync();
        Assert.Equal(20, outbox.Count(m => m.DedupKey?.StartsWith("escalate:", StringComparison.Ordinal) == true));
        Assert.Equal(20, outbox.Count(m => m.Recipient == "5001"));
        await using var db = host.Host.NewDbContext();
        Assert.Equal(20, await db.CaseEvents.CountAsync(e => e.Kind == ResidentBot.Routing.Cases.CaseEventKind.Escalated));
    }

    [Fact]
    public async Task After_a_kill_and_restart_on_the_same_database_every_due_escalation_is_sent_once()
    {
        var copy = Directory.CreateTempSubdirectory("residentbot-restart-").FullName;
        await using (var first = await ChaseHost.StartAsync())
        {
            for (var i = 0; i < 5; i++)
            {
                await first.ReportAsync();
            }

            // The host dies with escalations due and a sweep cancelled before it started: nothing was sent.
            first.Time.SetUtcNow(ChaseHost.Monday.AddDays(1).AddHours(2));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.SweepAsync(new CancellationToken(canceled: true)));
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(first.Host.Folder))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
        }

        await using var second = await ChaseHost.StartAsync(copy);
        second.Time.SetUtcNow(ChaseHost.Monday.AddDays(1).AddHours(2));
        Assert.Equal(5, await second.SweepAsync());
        Assert.Equal(0, await second.SweepAsync());
        var outbox = await second.OutboxAsync();
        Assert.Equal(5, outbox.Count(m => m.DedupKey?.StartsWith("escalate:", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task The_real_hangfire_server_runs_the_sweep_job()
    {
        await using var host = await ChaseHost.StartAsync(runServer: true);
        await host.ReportAsync();
        host.Time.SetUtcNow(ChaseHost.Monday.AddDays(1).AddHours(2));

        host.Host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ChaseSweepJob>(job => job.RunAsync(CancellationToken.None));

        // Throws (and fails the test) when Hangfire did not run the sweep within 60 s.
        await host.Host.WaitForAsync(
            (db, ct) => db.OutboxMessages.AnyAsync(m => m.DedupKey != null && m.DedupKey.StartsWith("escalate:"), ct), escalated => escalated, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Two_hosts_in_one_process_keep_their_own_job_storage()
    {
        await using var first = await ChaseHost.StartAsync();
        await using var second = await ChaseHost.StartAsync();

        var storages = new[] { first, second }.Select(h => h.Host.Services.GetRequiredService<JobStorage>()).ToList();

        Assert.NotSame(storages[0], storages[1]);
        using var connection = storages[0].GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == ChaseRecurringJobs.Sweep);
    }

    [Fact]
    public async Task The_dashboard_is_behind_the_console_sign_in_with_no_exception_for_this_machine_in_development()
    {
        // Before the console, Development showed the dashboard to requests from 127.0.0.1; a reverse proxy makes every
        // request local, so now even this machine signs in as a console administrator first (ConsoleDashboardTests).
        await using var host = await WebChatTestHost.StartAsync("Development"); // real Kestrel, so the request is from 127.0.0.1
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var local = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        var page = await local.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal(ResidentBot.Bot.WebConsole.SignIn.ConsoleLinks.PagePath, new Uri(host.BaseAddress, local.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("Hangfire", page, StringComparison.Ordinal);
    }
}
