using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Persistence.Inbox;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Bot.Tests.Cluster;

/// <summary>What a host that died held — claimed updates, a channel's sending lease — is taken over once it expires.</summary>
public sealed class TakeOverTests
{
    [SkippableFact]
    public async Task An_update_claimed_and_a_channel_held_by_a_dead_host_are_taken_over_when_their_leases_expire_not_before()
    {
        Providers.SkipUnlessPostgresAvailable();
        await using var cluster = await ClusterHosts.StartAsync(1);
        var host = cluster.Hosts[0];
        await using (var db = host.NewDbContext())
        {
            // A host that died while it held Telegram's outbox and had claimed an update.
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE "ClusterLeases" SET "Holder" = 'dead/1/0', "ExpiresAt" = clock_timestamp() + interval '3 seconds' WHERE "Name" = 'outbox:telegram'
                """);
            var message = new InboundMessage { Channel = ChannelNames.Telegram, UpdateId = "77", ChatId = "7301", UserId = "7301", Kind = InboundKind.Text, Text = "xin chào", MessageId = "1" };
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "InboxEntries" ("Channel", "ExternalId", "Fingerprint", "ReceivedAt", "Payload", "Status", "Attempts", "ChatKey", "ClaimedBy", "ClaimedUntil")
                VALUES ('telegram', '77', 'f77', clock_timestamp(), {JsonSerializer.Serialize(message, new JsonSerializerOptions(JsonSerializerDefaults.Web))},
                        'Pending', 0, 'telegram:7301', 'dead/1/0', clock_timestamp() + interval '1.5 seconds')
                """);
        }

        // Claims and leases expire on the database's clock (clock_timestamp()), which a FakeTimeProvider cannot move: the
        // test waits for them in real time and compares the host's stamps with the ends the database itself recorded.
        DateTimeOffset claimedUntil, leasedUntil;
        await using (var db = host.NewDbContext())
        {
            claimedUntil = await db.InboxEntries.Where(e => e.ExternalId == "77").Select(e => e.ClaimedUntil!.Value).SingleAsync();
            leasedUntil = await db.ClusterLeases.Where(l => l.Name == "outbox:telegram").Select(l => l.ExpiresAt).SingleAsync();
        }

        var handled = await host.WaitForAsync(
            (db, ct) => db.InboxEntries.AsNoTracking().SingleAsync(e => e.ExternalId == "77", ct), e => e.Status == InboxStatus.Handled);
        var reply = (await cluster.Api.WaitForCallsAsync("sendMessage", 1, TimeSpan.FromSeconds(20))).Single(c => c.String("chat_id") == "7301");

        Assert.True(handled.HandledAt >= claimedUntil.AddMilliseconds(-100), $"handled at {handled.HandledAt:O}, before the claim ended at {claimedUntil:O}");
        Assert.True(reply.At >= leasedUntil.AddMilliseconds(-100), $"sent at {reply.At:O}, while the dead host's lease held until {leasedUntil:O}");
        await using var check = host.NewDbContext();
        Assert.NotEqual("dead/1/0", await check.ClusterLeases.Where(l => l.Name == "outbox:telegram").Select(l => l.Holder).SingleAsync());
    }
}
