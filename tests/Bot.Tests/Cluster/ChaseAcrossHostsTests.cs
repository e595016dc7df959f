using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Tests.Chase;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Cluster;

public sealed class ChaseAcrossHostsTests
{
    [SkippableFact]
    public async Task Two_hosts_sweeping_at_once_escalate_an_overdue_case_once_and_send_each_reminder_once()
    {
        Providers.SkipUnlessPostgresAvailable();
        // Both hosts on one fake clock, so the sweeps' "now" is the one the deadlines below are set against. It stands
        // still, so the outbox is not paced (a paced message would wait for a second that never comes).
        var time = new FakeTimeProvider(ChaseHost.Monday);
        await using var cluster = await ClusterHosts.StartAsync(2, new Dictionary<string, string?>
        {
            ["Cases:OfferDuplicates"] = "false",
            ["Outbox:Channels:telegram:PerChatInterval"] = "00:00:00",
            ["Outbox:Channels:telegram:MessagesPerSecond"] = "0",
            ["Chase:SweepCron"] = "0 0 1 1 *", // the test runs the sweeps itself
        }, time);
        await ResidentChat.OnboardOfficialAsync(cluster.Hosts[0], ResidentChat.TranPhuLeader, 9001);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => new ClusterResident(cluster, 7200 + i).ReportAsync()));

        // Overdue: the acknowledgement deadline passed an hour ago, half of the time to resolve too.
        await using (var db = cluster.Hosts[0].NewDbContext())
        {
            var now = time.GetUtcNow();
            await db.Cases.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.CreatedAt, now.AddDays(-2))
                .SetProperty(c => c.AcknowledgeDueAt, now.AddHours(-1))
                .SetProperty(c => c.ResolveDueAt, now.AddDays(2))
                .SetProperty(c => c.NextChaseAt, now.AddMinutes(-1)));
        }

        var sweeps = await Task.WhenAll(cluster.Hosts.SelectMany(h => Enumerable.Range(0, 2).Select(_ => SweepAsync(h))));

        await using var check = cluster.Hosts[1].NewDbContext();
        var events = await check.CaseEvents.AsNoTracking().Where(e => e.Kind == CaseEventKind.Escalated || e.Kind == CaseEventKind.Reminded)
            .Select(e => new { e.CaseId, e.Kind, e.Note }).ToListAsync();
        Assert.Equal(3, events.Count(e => e.Kind == CaseEventKind.Escalated));
        Assert.Equal(3, events.Select(e => e.CaseId).Distinct().Count());
        Assert.Equal(events.Count, events.Distinct().Count());
        Assert.All(await check.Cases.AsNoTracking().ToListAsync(), c => Assert.Equal(1, c.EscalationLevel));
        Assert.Equal(3, sweeps.Sum());
    }

    private static async Task<int> SweepAsync(Infrastructure.BotTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChaseSweepJob>().RunAsync(CancellationToken.None);
    }
}
