using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>
/// What a resident sees on the product's own page, on a phone-sized and a desktop viewport in headless Chromium
/// (tests/WebChat.Client/page.js lists each check; any failed one is reported by what the resident would notice).
/// </summary>
[Collection(RealClients.Name)]
public sealed class WebChatPageBrowserTests
{
    [Fact]
    public async Task On_a_phone_and_a_desktop_the_page_keeps_the_newest_message_in_view_and_says_what_it_does_in_the_residents_words()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await WebChatTestHost.StartAsync("Development");
        var leader = await host.TranPhuLeaderIdAsync();

        var (code, output, error) = await NodeTools.RunAsync(
            "node", ["page.js", host.BaseAddress.ToString().TrimEnd('/'), leader.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(240));

        var last = output.Trim().Split('\n')[^1];
        Assert.True(last.StartsWith('{'), $"page run printed no result ({code}): {output}\n{error}");
        using var result = JsonDocument.Parse(last);
        var failures = result.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures) + $"\n{last}\n{error}");
        Assert.Equal(0, code);
        var runs = result.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["phone", "desktop"], runs.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([false, true], runs.Select(r => r.GetProperty("offeredDuplicate").GetBoolean())); // same problem, same ward
        Assert.All(runs, r => Assert.Equal(ResidentBot.Routing.Cases.Case.MaxDescriptionLength, r.GetProperty("maxLength").GetInt32()));
        await using var check = host.NewDbContext();
        var cases = await check.Cases.Include(c => c.Area).ToListAsync();
        Assert.Equal(2, cases.Count);
        Assert.All(cases, c => Assert.Equal("HD.NS.TTNAMSACH", c.Area!.Code));
    }
}
