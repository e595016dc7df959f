using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Bot.Tests.Cluster;

/// <summary>Two hosts on one PostgreSQL database, updates posted to both (webhook mode behind a load balancer).</summary>
public sealed class TwoHostTests
{
    private const long LeaderChat = 9001;
    private const int Residents = 6;

    [SkippableFact]
    public async Task Whole_reports_posted_to_two_hosts_are_each_one_case_in_order_sent_once_within_the_bots_limits()
    {
        Providers.SkipUnlessPostgresAvailable();
        await using var cluster = await ClusterHosts.StartAsync(2, new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Cases:OfferDuplicates"] = "false", // every resident reports the same lamp; the offer is tested elsewhere
        });
        cluster.Api.EnforceRateLimits = true; // Telegram's 30/s and 1/s per chat, for the bot as a whole: a 429 would show
        await ResidentChat.OnboardOfficialAsync(cluster.Hosts[0], ResidentChat.TranPhuLeader, LeaderChat);
        var residents = Enumerable.Range(0, Residents).Select(i => new ClusterResident(cluster, 7100 + i)).ToList();

        var confirmations = await Task.WhenAll(residents.Select(r => r.ReportAsync()));
        await cluster.Hosts[1].WaitUntilIdleAsync();

        await using var db = cluster.Hosts[1].NewDbContext();
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.TrackingCode, c.ResidentId }).ToListAsync();
        Assert.Equal(Residents, cases.Count);
        Assert.Equal(Residents, cases.Select(c => c.TrackingCode).Distinct().Count());
        Assert.Equal(Residents, cases.Select(c => c.ResidentId).Distinct().Count());
        Assert.All(confirmations, c => Assert.Contains(cases, k => c.String("text")!.Contains(k.TrackingCode, StringComparison.Ordinal)));

        // Every update handled once, and each chat's in the order it arrived.
        var entries = await db.InboxEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(residents.Sum(r => r.Posted.Count), entries.Count);
        Assert.All(entries, e => Assert.Equal(InboxStatus.Handled, e.Status));
        Assert.All(entries.GroupBy(e => e.ChatKey), chat =>
            Assert.Equal(chat.Select(e => e.Id), chat.OrderBy(e => e.HandledAt).ThenBy(e => e.Id).Select(e => e.Id)));

        // Each outbox message reached the API exactly once, none refused for going too fast.
        var sentRows = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent);
        var delivered = cluster.Api.Calls.Count(c => c.StatusCode == 200 && c.Method is "sendMessage" or "editMessageText" or "editMessageReplyMarkup" or "sendPhoto");
        Assert.Equal(sentRows, delivered);
        Assert.DoesNotContain(cluster.Api.Calls, c => c.StatusCode == 429);
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent));
    }
}
