using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Tests.Databases;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>Two hosts on one PostgreSQL database: a session revoked through one host is refused by the other at its next request.</summary>
public sealed class ConsoleSessionsAcrossHostsTests : IDisposable
{
    private readonly IDisposable provider = TestDatabases.Use(TestDatabases.PostgreSql);

    [SkippableFact]
    public async Task A_session_revoked_on_one_host_is_refused_by_the_other_and_the_officials_other_session_still_works_there()
    {
        await using var bed = await StartAsync(Settings());
        await using var other = await BotTestHost.StartAsync(Settings(), folder: bed.Host.Folder, api: bed.Api, keepFolder: true);
        using var laptop = Client(bed);
        using var phone = Client(bed);
        string laptopCookie;
        string phoneCookie;
        using (var signedIn = await SignInAsync(laptop, await AskLinkAsync(bed, TranPhuLeader)))
        {
            laptopCookie = ConsoleSessionTests.SessionCookie(signedIn);
        }

        using (var signedIn = await SignInAsync(phone, await AskLinkAsync(bed, TranPhuLeader)))
        {
            phoneCookie = ConsoleSessionTests.SessionCookie(signedIn);
        }

        using (var before = await OnAsync(other, phoneCookie))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode); // the hosts share the data-protection keys and the sessions
        }

        using var page = await laptop.GetAsync(new Uri("/console/sessions", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var phoneSession = ConsoleSessionTests.Rows(html).Single(r => !r.Current).Id;
        using (var revoked = await PostFormAsync(laptop, "/console/sessions", html, new Dictionary<string, string> { ["SessionId"] = phoneSession }, "revoke"))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        using var refused = await OnAsync(other, phoneCookie);
        using var kept = await OnAsync(other, laptopCookie);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/console/signin", Path(refused));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    public void Dispose() => provider.Dispose();

    private static async Task<HttpResponseMessage> OnAsync(BotTestHost host, string cookie)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/console", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
