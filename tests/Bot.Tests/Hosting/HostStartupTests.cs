using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Hosting;

public sealed class HostStartupTests
{
    [Fact]
    public async Task Host_creates_the_database_loads_the_sample_directory_and_answers_healthz()
    {
        await using var host = await BotTestHost.StartAsync();
        using var http = host.CreateClient();

        var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(host.Folder, "bot.db")));
        await using var db = host.NewDbContext();
        Assert.Contains(await db.Areas.Select(a => a.Name).ToListAsync(), n => n.Contains("Trần Phú", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_registers_its_commands_with_telegram_at_start()
    {
        await using var host = await BotTestHost.StartAsync();

        var calls = await host.Api.WaitForCallsAsync("setMyCommands", 2);

        Assert.Equal(2, calls.Count);
    }
}
