using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Inbox;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Tests.Hosting;

/// <summary>What a stranger sends can neither flood the log nor write lines of its own into it.</summary>
public sealed class UntrustedLogTests
{
    private const string Secret = "log-test-secret_0123456789abcdef";

    [Fact]
    public async Task A_flood_of_wrong_secret_webhook_calls_logs_the_first_and_then_one_count_a_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(time);
        using var http = host.CreateClient();

        for (var i = 0; i < 50; i++)
        {
            using var refused = await WebhookPosts.PostAsync(http, FakeUpdates.Text(5551234, "x", updateId: i + 1).ToJsonString(), "wrong");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var during = Refusals(host);
        time.Advance(TelegramWebhookRefusals.Interval);
        var after = Refusals(host);

        Assert.Single(during);
        Assert.Equal(2, after.Count);
        Assert.Contains("Refused 49 more", after[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_button_data_is_logged_short_and_on_one_line()
    {
        await using var host = await StartAsync(time: null);
        using var http = host.CreateClient();
        var forged = "confirm:42\nwarn: ResidentBot[0] Case HD-2026-000001 closed by admin\r\n" + new string('A', 60_000);

        using var accepted = await WebhookPosts.PostAsync(http, FakeUpdates.Callback(5551234, forged, updateId: 77).ToJsonString(), Secret);
        await host.WaitForAsync(
            (db, ct) => Task.FromResult(db.InboxEntries.Any(e => e.ExternalId == "77" && e.Status == InboxStatus.Handled)), handled => handled);

        var line = Assert.Single(Logs(host), r => r.Message.StartsWith("Refused a button press", StringComparison.Ordinal)).Message;
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.Contains("\"confirm:42\\nwarn: ResidentBot[0]", line, StringComparison.Ordinal);
        Assert.Contains("(60069 chars)", line, StringComparison.Ordinal);
        Assert.True(line.Length < 400, $"{line.Length} characters logged");
    }

    private static Task<BotTestHost> StartAsync(FakeTimeProvider? time) => BotTestHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/webhook",
            ["Telegram:SecretToken"] = Secret,
        },
        time,
        services: s => s.AddLogging(l => l.AddFakeLogging()));

    private static IReadOnlyList<FakeLogRecord> Logs(BotTestHost host) => host.Services.GetFakeLogCollector().GetSnapshot();

    private static List<string> Refusals(BotTestHost host) =>
        [.. Logs(host).Where(r => r.Category == typeof(TelegramWebhookRefusals).FullName).Select(r => r.Message)];
}
