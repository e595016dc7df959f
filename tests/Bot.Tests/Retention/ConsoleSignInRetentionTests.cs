using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Retention;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.WebConsole;

namespace ResidentBot.Bot.Tests.Retention;

public sealed class ConsoleSignInRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string?> Offline = new() { ["Telegram:BotToken"] = "", ["Chase:RunServer"] = "false" };

    [Fact]
    public async Task Sign_in_links_go_a_day_after_they_were_used_or_expired_and_live_or_recent_ones_stay()
    {
        await using var host = await BotTestHost.StartAsync(Offline, new FakeTimeProvider(Now));
        await using (var db = host.NewDbContext())
        {
            var official = await db.Officials.Select(o => o.Id).FirstAsync();
            db.ConsoleSignIns.AddRange(
                Link(official, "used-yesterday", expires: Now.AddHours(-24.5), used: Now.AddHours(-25)),
                Link(official, "expired-yesterday", expires: Now.AddHours(-25), used: null),
                Link(official, "used-today", expires: Now.AddHours(-22.8), used: Now.AddHours(-23)),
                Link(official, "expired-today", expires: Now.AddHours(-2), used: null),
                Link(official, "live", expires: Now.AddMinutes(5), used: null));
            await db.SaveChangesAsync();
        }

        await RunAsync(host);
        var again = await PruneAsync(host);

        Assert.Equal((0, 0), again);
        await using var after = host.NewDbContext();
        Assert.Equal(["used-today", "expired-today", "live"], await after.ConsoleSignIns.OrderBy(s => s.Id).Select(s => s.RequestedBy).ToListAsync());
    }

    [Fact]
    public async Task Sessions_go_the_configured_days_after_they_were_signed_out_or_went_idle_and_live_ones_stay()
    {
        // Console:SessionLifetime is 8 hours by default: an idle session ended 8 hours after it was last seen.
        var settings = new Dictionary<string, string?>(Offline) { ["Retention:ConsoleSessionDays"] = "30" };
        await using var host = await BotTestHost.StartAsync(settings, new FakeTimeProvider(Now));
        await using (var db = host.NewDbContext())
        {
            var official = await db.Officials.Select(o => o.Id).FirstAsync();
            db.ConsoleSessions.AddRange(
                Session(official, "revoked-31-days-ago", lastSeen: Now.AddDays(-31), revoked: Now.AddDays(-31)),
                Session(official, "revoked-29-days-ago", lastSeen: Now.AddDays(-200), revoked: Now.AddDays(-29)),
                Session(official, "idle-ended-31-days-ago", lastSeen: Now.AddDays(-31).AddHours(-8), revoked: null),
                Session(official, "idle-ended-29-days-ago", lastSeen: Now.AddDays(-30).AddHours(1), revoked: null),
                Session(official, "live", lastSeen: Now.AddHours(-1), revoked: null));
            await db.SaveChangesAsync();
        }

        var pruned = await PruneAsync(host);
        await RunAsync(host);

        Assert.Equal((0, 2), pruned);
        await using var after = host.NewDbContext();
        Assert.Equal(["idle-ended-29-days-ago", "live", "revoked-29-days-ago"],
            await after.ConsoleSessions.OrderBy(s => s.UserAgent).Select(s => s.UserAgent).ToListAsync());
    }

    [Fact]
    public async Task Console_session_days_below_one_stop_the_start_with_the_settings_name()
    {
        var settings = new Dictionary<string, string?>(Offline) { ["Retention:ConsoleSessionDays"] = "0" };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotTestHost.StartAsync(settings));

        Assert.Contains("ConsoleSessionDays", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task RunAsync(BotTestHost host)
    {
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RetentionCleanupJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<(int Links, int Sessions)> PruneAsync(BotTestHost host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionCleanupJob>().PruneConsoleAsync(Now, CancellationToken.None);
    }

    private static ConsoleSignIn Link(int official, string name, DateTimeOffset expires, DateTimeOffset? used) => new()
    {
        OfficialId = official, CodeHash = name.PadLeft(64, '0'), CreatedAt = expires.AddMinutes(-10), ExpiresAt = expires, UsedAt = used,
        RequestedBy = name, Language = "vi",
    };

    // The user agent carries the name, to tell the rows apart.
    private static ConsoleSession Session(int official, string name, DateTimeOffset lastSeen, DateTimeOffset? revoked) => new()
    {
        Id = name.PadLeft(64, '0'), OfficialId = official, CreatedAt = lastSeen.AddHours(-1), LastSeenAt = lastSeen, RevokedAt = revoked, UserAgent = name,
    };
}
