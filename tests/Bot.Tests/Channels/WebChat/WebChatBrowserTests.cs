using System.Text.Json;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>The resident page and the demo in headless Chromium (Debian's chromium, driven by npm playwright-core).</summary>
[Collection(RealClients.Name)]
public sealed class WebChatBrowserTests
{
    [Fact]
    public async Task A_resident_talks_to_the_bot_and_shares_a_location_on_the_page_and_the_demo_shows_an_officials_view()
    {
        Assert.True(File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"),
            "Chromium is required: apt-get install -y chromium");
        await NodeTools.EnsureInstalledAsync();
        await using var host = await WebChatTestHost.StartAsync("Development");

        var (code, output, error) = await NodeTools.RunAsync("node", ["browser.js", host.BaseAddress.ToString().TrimEnd('/')], TimeSpan.FromSeconds(120));

        Assert.True(code == 0, $"browser run failed ({code}): {output}\n{error}");
        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        Assert.Contains("/phananh", root.GetProperty("residentHelp").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("locationSent").GetBoolean());
        Assert.Equal("Type a message…", root.GetProperty("englishPlaceholder").GetString());
        Assert.Contains("/queue", root.GetProperty("officialHelp").GetString(), StringComparison.Ordinal);
        Assert.Equal("/hangfire", root.GetProperty("hangfireLink").GetString());
    }
}
