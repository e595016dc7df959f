using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Chase;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Tests.Chase;

/// <summary>The sweep chases cases in groups, one transaction per group; these pin what a failing case does to its group.</summary>
public sealed class ChaseGroupTests
{
    [Fact]
    public async Task A_case_that_fails_is_postponed_alone_and_the_rest_of_its_group_is_chased_once()
    {
        await using var host = await ChaseHost.StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await host.ReportAsync());
        }

        // An open case without an accountable official breaks the escalation step.
        var bad = ids[2];
        await using (var db = host.Host.NewDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Cases SET AccountableOfficialId = NULL WHERE Id = {bad}");
        }

        var tuesday = ChaseHost.Monday.AddDays(1).AddHours(2);
        host.Time.SetUtcNow(tuesday);
        Assert.Equal(4, await host.SweepAsync());
        Assert.Equal(0, await host.SweepAsync());

        var outbox = await host.OutboxAsync();
        var escalations = outbox.Where(m => m.DedupKey?.StartsWith("escalate:", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(4, escalations.Count);
        Assert.DoesNotContain(escalations, m => m.DedupKey!.StartsWith($"escalate:{bad}:", StringComparison.Ordinal));
        Assert.Equal(tuesday + NextChase.RetryAfter, (await host.CaseAsync(bad)).NextChaseAt);
        await using var check = host.Host.NewDbContext();
        Assert.Equal(4, await check.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.Escalated));
    }

    [Fact]
    public async Task A_save_that_fails_while_the_case_is_still_due_postpones_it_instead_of_passing_for_done()
    {
        await using var host = await ChaseHost.StartAsync();
        var id = await host.ReportAsync();
        var tuesday = ChaseHost.Monday.AddDays(1).AddHours(2);
        host.Time.SetUtcNow(tuesday);

        // Every outbox row the sweep could write for this case collides with a row nobody sent: the save fails
        // on the unique dedup key although no other sweep chased the case.
        await using (var db = host.Host.NewDbContext())
        {
            var trigger = "CREATE TRIGGER refuse_chase BEFORE INSERT ON OutboxMessages WHEN NEW.DedupKey LIKE '%:"
                + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":%' BEGIN SELECT RAISE(ABORT, 'refused'); END";
            await db.Database.ExecuteSqlRawAsync(trigger);
        }

        Assert.Equal(0, await host.SweepAsync());

        Assert.Equal(tuesday + NextChase.RetryAfter, (await host.CaseAsync(id)).NextChaseAt);
        await using var check = host.Host.NewDbContext();
        Assert.Equal(0, await check.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.Escalated));
    }

    [Fact]
    public async Task Groups_smaller_than_the_batch_chase_every_due_case_once()
    {
        await using var host = await ChaseHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Chase:BatchSize"] = "4",
            ["Chase:CasesPerTransaction"] = "3",
        });
        for (var i = 0; i < 10; i++)
        {
            await host.ReportAsync();
        }

        host.Time.SetUtcNow(ChaseHost.Monday.AddDays(1).AddHours(2));
        await Task.WhenAll(host.SweepAsync(), host.SweepAsync());
        await host.SweepAsync();

        var outbox = await host.OutboxAsync();
        Assert.Equal(10, outbox.Count(m => m.DedupKey?.StartsWith("escalate:", StringComparison.Ordinal) == true));
        Assert.Equal(10, outbox.Select(m => m.DedupKey).Where(k => k is not null).Distinct().Count(k => k!.StartsWith("escalate:", StringComparison.Ordinal)));
    }
}
