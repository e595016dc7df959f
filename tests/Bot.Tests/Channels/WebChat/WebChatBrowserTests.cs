using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>The resident page and the demo in headless Chromium (Debian's chromium, driven by npm playwright-core).</summary>
[Collection(RealClients.Name)]
public sealed class WebChatBrowserTests
{
    [Fact]
    public async Task On_the_demo_page_a_resident_reports_the_official_acknowledges_replies_and_resolves_and_the_resident_confirms()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await WebChatTestHost.StartAsync("Development");
        var leader = await host.TranPhuLeaderIdAsync();

        var (code, output, error) = await NodeTools.RunAsync(
            "node", ["browser.js", host.BaseAddress.ToString().TrimEnd('/'), leader.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(150));

        Assert.True(code == 0, $"browser run failed ({code}): {output}\n{error}");
        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        var trackingCode = root.GetProperty("code").GetString()!;
        Assert.Contains(trackingCode, root.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Contains(trackingCode, root.GetProperty("confirm").GetString(), StringComparison.Ordinal);
        Assert.Equal("/hangfire", root.GetProperty("hangfireLink").GetString());
        Assert.True(root.GetProperty("starsInView").GetBoolean(), "the rating stars are cut off by the scroll");
        await using var check = host.NewDbContext();
        var saved = await check.Cases.SingleAsync(c => c.TrackingCode == trackingCode);
        Assert.Equal((CaseStatus.Closed, leader), (saved.Status, saved.AccountableOfficialId!.Value)); // the resident confirmed the fix
    }
}
