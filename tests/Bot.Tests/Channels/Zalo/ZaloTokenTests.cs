using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Zalo;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes.Zalo;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

/// <summary>The OA's tokens: one refresh for many senders, the rotated pair kept across a restart, a failed refresh shown.</summary>
public sealed class ZaloTokenTests
{
    private static readonly string[] Users = [.. Enumerable.Range(1, 6).Select(i => $"90000{i}")];

    [Fact]
    public async Task A_token_expiring_mid_run_is_refreshed_once_by_concurrent_senders_and_the_rotated_pair_is_used_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-zalo-tokens-").FullName;
        try
        {
            await using var zalo = await FakeZalo.StartAsync();
            await using (var host = await ZaloTestHost.StartAsync(zalo, folder: folder))
            {
                foreach (var user in Users)
                {
                    await host.SendAsync(user, zalo.FollowEvent(user));
                }

                Assert.Equal([FakeZalo.FirstRefreshToken], zalo.RefreshTokensPresented);

                zalo.ExpireAccessTokens();
                var release = zalo.HoldRefreshes();
                var sentBefore = zalo.CallsTo(FakeZalo.MessagePath).Count;
                await EnqueueAsync(host, Users.Select(u => (u, new OutboundMessage { Text = "Phản ánh HD-2026-000001 đang được xử lý." })));
                await zalo.WaitForAsync(calls => calls.Skip(sentBefore).Count(c => c.Error == -220) >= 3);
                release();
                await zalo.WaitForAsync(calls => Users.All(u => calls.Any(c => c.Recipient == u && c.Error == 0 && c.Text!.Contains("HD-2026-000001", StringComparison.Ordinal))));

                Assert.Equal([FakeZalo.FirstRefreshToken, "rt-1"], zalo.RefreshTokensPresented);
                Assert.All(zalo.CallsTo(FakeZalo.MessagePath).Skip(sentBefore).Where(c => c.Error == 0), c => Assert.Equal("at-2", c.AccessToken));
                Assert.Equal(("at-2", "rt-2"), await StoredPairAsync(host));
            }

            // The configured refresh token was used up long ago: after a restart only the stored pair works.
            await using (var host = await ZaloTestHost.StartAsync(zalo, folder: folder))
            {
                await host.TextAsync(Users[0], "/help");
                Assert.Equal(2, zalo.RefreshTokensPresented.Count);

                zalo.ExpireAccessTokens();
                var replies = await host.TextAsync(Users[0], "/help");

                Assert.NotEmpty(replies);
                Assert.Equal([FakeZalo.FirstRefreshToken, "rt-1", "rt-2"], zalo.RefreshTokensPresented);
                Assert.All(replies, c => Assert.Equal("at-3", c.AccessToken));
                Assert.Equal(("at-3", "rt-3"), await StoredPairAsync(host));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_refused_refresh_is_shown_on_healthz_and_the_message_keeps_waiting()
    {
        await using var zalo = await FakeZalo.StartAsync();
        await using var host = await ZaloTestHost.StartAsync(zalo, new Dictionary<string, string?> { ["Zalo:RefreshToken"] = "rt-revoked" });
        await zalo.DeliverAsync(zalo.FollowEvent(Users[0]));

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var health = await host.WaitForAsync(async (_, ct) => await http.GetFromJsonAsync<JsonElement>("/healthz", ct),
            h => h.GetProperty("status").GetString() == "degraded");

        Assert.Contains("Invalid refresh token", health.GetProperty("problems").GetProperty(ChannelNames.Zalo).GetString(), StringComparison.Ordinal);
        Assert.Equal(["rt-revoked"], zalo.RefreshTokensPresented);
        Assert.Empty(zalo.CallsTo(FakeZalo.MessagePath));
        await using var db = host.NewDbContext();
        Assert.All(await db.OutboxMessages.Where(m => m.Channel == ChannelNames.Zalo).ToListAsync(), m => Assert.Equal(OutboxStatus.Pending, m.Status));
    }

    private static async Task EnqueueAsync(ZaloTestHost host, IEnumerable<(string User, OutboundMessage Message)> messages)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            foreach (var (user, message) in messages)
            {
                outbox.Enqueue(ChannelNames.Zalo, user, message);
            }

            await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().SaveChangesAsync();
        }

        host.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    private static async Task<(string, string)> StoredPairAsync(ZaloTestHost host)
    {
        await using var db = host.NewDbContext();
        var row = await db.AppSecrets.SingleAsync(s => s.Name == ZaloTokenStore.SecretName);
        var pair = JsonSerializer.Deserialize<ZaloTokenPair>(row.Value)!;
        return (pair.AccessToken, pair.RefreshToken);
    }
}
