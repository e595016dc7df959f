using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Bot.WebConsole.SignIn;
using ResidentBot.Persistence;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>
/// The Hangfire dashboard opens to the web console's administrators only, on the console's session (a SameSite=Strict
/// cookie no request another site starts carries); every dashboard action needs the token of a dashboard page, from
/// the dashboard's own origin: a foreign page cannot stop the chase.
/// </summary>
public sealed partial class ConsoleDashboardTests
{
    private static Dictionary<string, string?> NoJobServer(Dictionary<string, string?>? more = null)
    {
        var settings = Settings(more);
        settings["Chase:RunServer"] = "false";
        return settings;
    }

    [Fact]
    public async Task Without_a_console_session_a_page_redirects_to_the_console_sign_in_and_an_action_is_unauthorized()
    {
        await using var bed = await StartAsync(NoJobServer());
        using var client = Client(bed);

        using var page = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var action = await client.SendAsync(Remove(ChaseRecurringJobs.Sweep, "same-origin"));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(ConsoleLinks.PagePath, Path(page));
        Assert.Equal(HttpStatusCode.Unauthorized, action.StatusCode);
        Assert.Contains(ChaseRecurringJobs.Sweep, RecurringJobIds(bed));
    }

    [Fact]
    public async Task An_official_who_is_not_an_administrator_is_forbidden()
    {
        await using var bed = await StartAsync(NoJobServer());
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader))) { }

        using var page = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var action = await client.SendAsync(Remove(ChaseRecurringJobs.Sweep, "same-origin"));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, action.StatusCode);
        Assert.Contains(ChaseRecurringJobs.Sweep, RecurringJobIds(bed));
    }

    [Fact]
    public async Task An_administrator_opens_the_dashboard_from_the_admin_page_and_acts_with_a_dashboard_pages_token_only()
    {
        await using var bed = await StartAsync(NoJobServer());
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }
        Assert.Contains("href=\"/hangfire\"", await client.GetStringAsync(new Uri("/console/admin", UriKind.Relative)), StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var tokenless = await client.SendAsync(Remove(ChaseRecurringJobs.Sweep, "same-origin"));
        Assert.False(tokenless.IsSuccessStatusCode);
        Assert.Contains(ChaseRecurringJobs.Sweep, RecurringJobIds(bed));

        var html = await client.GetStringAsync(new Uri("/hangfire/recurring", UriKind.Relative));
        var header = CsrfHeader().Match(html);
        var token = CsrfToken().Match(html);
        Assert.True(header.Success && token.Success, "The dashboard page carries no antiforgery token");
        using var request = Remove(ChaseRecurringJobs.Sweep, "same-origin");
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(ChaseRecurringJobs.Sweep, RecurringJobIds(bed));
        Assert.Contains(ChaseRecurringJobs.DailyDigest, RecurringJobIds(bed));
    }

    [Theory]
    [InlineData("cross-site", "https://evil.example")]
    [InlineData("same-site", "https://evil.console.test")]
    [InlineData(null, "https://evil.example")]
    [InlineData(null, null)] // an old browser that says nothing: Hangfire's antiforgery still wants the page's token
    public async Task A_foreign_page_posting_remove_with_the_administrators_session_is_refused_and_the_jobs_remain(string? fetchSite, string? origin)
    {
        await using var bed = await StartAsync(NoJobServer());
        using var client = Client(bed); // signed in, and its cookie sent even so (a browser would not)
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }
        using var request = Remove(ChaseRecurringJobs.Sweep, fetchSite);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(ChaseRecurringJobs.Sweep, RecurringJobIds(bed));
    }

    [Fact]
    public async Task A_console_session_outlives_a_restart_because_the_keys_are_kept_in_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-keys-").FullName;
        var settings = NoJobServer(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "",
            ["Admin:Identities:0"] = $"telegram:{CitySupervisor}",
        });
        string cookie;
        await using (var first = await BotTestHost.StartAsync(settings, folder: folder, keepFolder: true))
        {
            var link = await ConsoleLinkAsync(first, CitySupervisorCode, CitySupervisor);
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false });
            using var signIn = await SignInAsync(client, link);
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ConsoleAuthentication.Scheme + "=", StringComparison.Ordinal)).Split(';')[0];
        }

        // A new process (or container) on the same database: no key files on disk carry over.
        await using var second = await BotTestHost.StartAsync(settings, folder: folder);
        using var fresh = second.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire") { Headers = { { "Cookie", cookie } } };
        using var dashboard = await fresh.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        await using var db = second.NewDbContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task The_retired_dashboard_password_stops_the_start_with_its_name()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotTestHost.StartAsync(new Dictionary<string, string?> { ["Chase:DashboardPassword"] = "s3cret" }));

        Assert.Contains("Chase:DashboardPassword is no longer used", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Binds the official's Telegram account and makes a sign-in link as the <c>console-link</c> verb does; returns its path and query.</summary>
    private static async Task<string> ConsoleLinkAsync(BotTestHost host, string officialCode, long telegramUserId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        await WaitUntilAsync(() => db.Officials.AnyAsync(o => o.Code == officialCode));
        var official = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Code == officialCode);
        OfficialBindings.BindTelegram(official, telegramUserId);
        var (_, url, _) = scope.ServiceProvider.GetRequiredService<ConsoleLinks>().Create(official.Id, "cli", ResidentBot.Bot.Resources.Texts.Vietnamese);
        await db.SaveChangesAsync();
        return url!.PathAndQuery;
    }

    private static HttpRequestMessage Remove(string jobId, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/remove")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", jobId)]),
        };
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    private static List<string> RecurringJobIds(OfficialsHarness bed)
    {
        using var connection = bed.Host.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id)];
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
