using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Tests.Channels.WebChat;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>
/// What the console refuses, in headless Chromium (tests/WebChat.Client/console.js, scenario "refusals"): a sign-in link
/// used twice, an expired link, another ward's case, and a form posted to the console from another site's page.
/// </summary>
[Collection(RealClients.Name)]
public sealed class ConsoleRefusalBrowserTests
{
    [Fact]
    public async Task A_link_used_twice_an_expired_link_another_wards_case_and_a_cross_site_post_are_refused_in_the_browser()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await ConsoleBrowserHost.StartAsync(new Dictionary<string, string?> { ["Chase:RunServer"] = "false" });
        await host.BindTelegramAsync(OfficialsHarness.TranPhuLeaderCode, OfficialsHarness.TranPhuLeader);
        var own = await OfficialsHarness.CreateCaseOnAsync(host.Services);
        var foreign = await OfficialsHarness.CreateCaseOnAsync(host.Services, areaCode: "HD.TPHD.QUANGTRUNG");
        var link = await host.AskLinkAsync(OfficialsHarness.TranPhuLeader);
        var expired = await ConsoleAdminBrowserTests.NextLinkAsync(host, OfficialsHarness.TranPhuLeader, link);
        await using (var db = host.NewDbContext())
        {
            // The second link's row (links are short-lived: ten minutes by default, at least one).
            var row = await db.ConsoleSignIns.OrderByDescending(s => s.Id).FirstAsync();
            row.ExpiresAt = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-1); // the host's own clock
            await db.SaveChangesAsync();
        }

        var run = await ConsoleBrowserTests.RunAsync("refusals", host, link, expired, Id(own), Id(foreign));

        Assert.Contains(run.GetProperty("crossSiteStatus").GetInt32(), new[] { 302, 403 }); // console.js checks where a 302 leads
        await using var check = host.NewDbContext();
        Assert.Equal(CaseStatus.Assigned, (await check.Cases.SingleAsync(c => c.Id == own)).Status);
        Assert.Null((await check.ConsoleSignIns.OrderByDescending(s => s.Id).FirstAsync()).UsedAt);
        Assert.Equal(1, await check.ConsoleSessions.CountAsync());
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
