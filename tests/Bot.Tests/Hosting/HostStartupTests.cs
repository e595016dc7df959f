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
        await using var host = await BotTestHost.StartAsync(freshDatabase: true);
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
    public async Task A_broken_directory_file_stops_the_host_with_the_file_line_and_field_and_keeps_the_loaded_directory()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-broken-").FullName;
        await using (await BotTestHost.StartAsync(folder: folder, keepFolder: true))
        {
            // The first start loads the good sample directory.
        }

        var broken = Path.Combine(folder, "broken.json");
        var text = await File.ReadAllTextAsync(RepositoryPaths.SampleDirectory);
        await File.WriteAllTextAsync(broken, text.Replace("\"parent\": \"HD.TPHD\"", "\"parent\": \"HD.NOWHERE\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => BotTestHost.StartAsync(new Dictionary<string, string?> { ["Directory:Path"] = broken }, folder: folder, keepFolder: true));

        Assert.Contains("broken.json:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("HD.NOWHERE", error.ToString(), StringComparison.Ordinal);
        await using var again = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Directory:ImportOnStart"] = "false" }, folder: folder);
        await using var db = again.NewDbContext();
        Assert.Equal(19, await db.Areas.CountAsync());
    }

    [Fact]
    public async Task Host_registers_its_commands_with_telegram_at_start()
    {
        await using var host = await BotTestHost.StartAsync();

        var calls = await host.Api.WaitForCallsAsync("setMyCommands", 2);

        Assert.Equal(2, calls.Count);
    }
}
