using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Public;
using ResidentBot.Bot.Tests.Channels.WebChat;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Pages.Bench;

namespace ResidentBot.Bot.Tests.Public;

/// <summary>
/// /public in real Chromium on the sample directory and a seeded database (bench/Pages' seeder plus the hand-made
/// <see cref="PublicDataset"/>); tests/WebChat.Client/public.js lists each check. Writes docs/public.png (the README's).
/// </summary>
[Collection(RealClients.Name)]
public sealed class PublicPageBrowserTests
{
    [Fact]
    public async Task On_a_phone_without_script_and_on_a_desktop_the_page_shows_figures_trend_ranking_map_and_published_cases()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await WebChatTestHost.StartAsync();
        var now = TimeProvider.System.GetUtcNow();
        PagesSeeder.Seed(Path.Combine(host.Folder, "bot.db"), 6000, now);
        await PublicDataset.SeedAsync(host.Services, now);
        await host.Services.GetRequiredService<PublicResults>().RefreshAsync(CancellationToken.None);
        var screenshot = Path.Combine(RepositoryPaths.Root, "docs", "public.png");

        var (code, output, error) = await NodeTools.RunAsync(
            "node", ["public.js", host.BaseAddress.ToString().TrimEnd('/'), screenshot], TimeSpan.FromSeconds(180));

        var last = output.Trim().Split('\n')[^1];
        Assert.True(last.StartsWith('{'), $"public.js printed no result ({code}): {output}\n{error}");
        using var result = JsonDocument.Parse(last);
        var failures = result.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures) + $"\n{last}\n{error}");
        Assert.Equal(0, code);
        Assert.Equal(["phone", "no-script", "desktop"], result.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }
}
