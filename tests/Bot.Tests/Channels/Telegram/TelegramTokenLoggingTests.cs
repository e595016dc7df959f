using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramTokenLoggingTests
{
    [Fact]
    public async Task The_bot_token_in_every_request_url_is_never_written_to_the_log()
    {
        // appsettings.json quiets System.Net.Http.HttpClient; open it up so a request line would show.
        var verbose = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace" };
        await using var host = await BotTestHost.StartAsync(verbose, services: s => s.AddFakeLogging());

        await new ResidentChat(host, 7001).CommandAsync("/start");

        var records = host.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Category?.StartsWith("ResidentBot", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(records, r => $"{r.Message} {r.Exception}".Contains(FakeBotApi.Token.Split(':')[1], StringComparison.Ordinal));
    }
}
