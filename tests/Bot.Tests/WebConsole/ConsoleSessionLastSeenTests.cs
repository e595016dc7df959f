using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Tests.Infrastructure;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>Last seen is written at most once a minute (on fake time), so a page view is a read, not a write.</summary>
public sealed class ConsoleSessionLastSeenTests
{
    [Fact]
    public async Task Last_seen_moves_only_once_a_minute_has_passed_since_it_was_written()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await BotTestHost.StartAsync(Settings(), time);
        await using (var db = host.NewDbContext())
        {
            await WaitUntilAsync(() => db.Officials.AnyAsync(o => o.Code == TranPhuLeaderCode));
            var official = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Code == TranPhuLeaderCode);
            official.BindTelegram(TranPhuLeader);
            await db.SaveChangesAsync();
        }

        host.Api.EnqueueUpdate(Fakes.FakeUpdates.Command(TranPhuLeader, "/web"));
        var sent = await host.Api.WaitForCallAsync(calls => calls.FirstOrDefault(c => c.Method == "sendMessage" && (c.String("text") ?? "").Contains("/console/signin?code=", StringComparison.Ordinal)));
        var text = sent!.String("text")!;
        var link = text[text.IndexOf("/console/signin?code=", StringComparison.Ordinal)..].Split('\n')[0].Trim();
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false });
        using (var signedIn = await SignInAsync(client, link))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var started = await LastSeenAsync(host);
        time.Advance(TimeSpan.FromSeconds(59));
        await GetQueueAsync(client);
        await GetQueueAsync(client);
        Assert.Equal(started, await LastSeenAsync(host));

        time.Advance(TimeSpan.FromSeconds(2));
        await GetQueueAsync(client);
        var moved = await LastSeenAsync(host);
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), moved.ToUnixTimeMilliseconds()); // SQLite keeps milliseconds

        time.Advance(TimeSpan.FromSeconds(10));
        await GetQueueAsync(client);
        Assert.Equal(moved, await LastSeenAsync(host));
    }

    private static async Task GetQueueAsync(HttpClient client)
    {
        using var queue = await client.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    private static async Task<DateTimeOffset> LastSeenAsync(BotTestHost host)
    {
        await using var db = host.NewDbContext();
        return (await db.ConsoleSessions.SingleAsync()).LastSeenAt;
    }
}
