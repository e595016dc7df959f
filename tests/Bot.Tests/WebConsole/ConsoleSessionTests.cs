using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.DirectoryImport;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>The session table: every request checks its row, so revoking a row ends that session wherever its cookie is.</summary>
public sealed partial class ConsoleSessionTests
{
    private const string SessionsPath = "/console/sessions";

    [Fact]
    public async Task Revoking_one_of_two_sessions_refuses_its_cookie_at_the_next_request_and_the_other_keeps_working()
    {
        await using var bed = await StartAsync(Settings());
        using var laptop = Client(bed);
        using var phone = Client(bed);
        using (await SignInAsync(laptop, await AskLinkAsync(bed, TranPhuLeader))) { }
        using (await SignInAsync(phone, await AskLinkAsync(bed, TranPhuLeader))) { }

        using var page = await laptop.GetAsync(new Uri(SessionsPath, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = Rows(html);
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Current);
        var phoneSession = rows.Single(r => !r.Current).Id;

        using var revoked = await PostFormAsync(laptop, SessionsPath, html, new Dictionary<string, string> { ["SessionId"] = phoneSession }, "revoke");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Đã đăng xuất phiên đó.", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var refused = await phone.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/console/signin", Path(refused));
        using var kept = await laptop.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        await using var db = bed.Host.NewDbContext();
        Assert.NotNull((await db.ConsoleSessions.SingleAsync(s => s.Id == phoneSession)).RevokedAt);
    }

    [Fact]
    public async Task Signing_out_everywhere_refuses_every_cookie_of_the_official_even_a_copied_one()
    {
        await using var bed = await StartAsync(Settings());
        using var laptop = Client(bed);
        using var phone = Client(bed);
        string laptopCookie;
        using (var signedIn = await SignInAsync(laptop, await AskLinkAsync(bed, TranPhuLeader)))
        {
            laptopCookie = SessionCookie(signedIn);
        }

        using (await SignInAsync(phone, await AskLinkAsync(bed, TranPhuLeader))) { }
        using var page = await laptop.GetAsync(new Uri(SessionsPath, UriKind.Relative));

        using var everywhere = await PostFormAsync(laptop, SessionsPath, await page.Content.ReadAsStringAsync(), new Dictionary<string, string>(), "everywhere");

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal("/console/signin", Path(everywhere));
        using var copy = await WithCookieAsync(bed, laptopCookie, "/console");
        Assert.Equal(HttpStatusCode.Redirect, copy.StatusCode);
        using var fromPhone = await phone.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, fromPhone.StatusCode);
        await using var db = bed.Host.NewDbContext();
        Assert.All(await db.ConsoleSessions.ToListAsync(), s => Assert.NotNull(s.RevokedAt));
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_so_a_copy_of_its_cookie_is_worth_nothing()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        string cookie;
        using (var signedIn = await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader)))
        {
            cookie = SessionCookie(signedIn);
        }

        using (var before = await WithCookieAsync(bed, cookie, "/console"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var queue = await client.GetAsync(new Uri("/console", UriKind.Relative));
        using var signedOut = await PostFormAsync(client, "/console/signout", await queue.Content.ReadAsStringAsync(), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var after = await WithCookieAsync(bed, cookie, "/console");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/console/signin", Path(after));
    }

    [Fact]
    public async Task When_the_officials_posts_end_all_their_sessions_are_revoked()
    {
        await using var bed = await StartAsync(Settings());
        using var laptop = Client(bed);
        using var phone = Client(bed);
        using (await SignInAsync(laptop, await AskLinkAsync(bed, TranPhuLeader))) { }
        using (await SignInAsync(phone, await AskLinkAsync(bed, TranPhuLeader))) { }
        await using (var db = bed.Host.NewDbContext())
        {
            var posts = await db.Posts.Where(p => p.Official!.Code == TranPhuLeaderCode).ToListAsync();
            posts.ForEach(p => p.ValidTo = DateTimeOffset.UtcNow.AddMinutes(-1));
            await db.SaveChangesAsync();
        }

        bed.Host.Services.GetRequiredService<DirectorySnapshotLoader>().Invalidate(); // as an import does

        using var fromLaptop = await laptop.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, fromLaptop.StatusCode);
        // The phone made no request since: its row was revoked by the laptop's recheck all the same.
        await using var check = bed.Host.NewDbContext();
        var sessions = await check.ConsoleSessions.ToListAsync();
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.NotNull(s.RevokedAt));
        using var fromPhone = await phone.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, fromPhone.StatusCode);
    }

    [Fact]
    public async Task A_revoke_posted_with_another_officials_session_id_changes_nothing()
    {
        await using var bed = await StartAsync(Settings());
        using var attacker = Client(bed);
        using var victim = Client(bed);
        using (await SignInAsync(attacker, await AskLinkAsync(bed, TranPhuLeader))) { }
        using (await SignInAsync(victim, await AskLinkAsync(bed, QuangTrungLeader))) { }
        string victimSession;
        await using (var db = bed.Host.NewDbContext())
        {
            victimSession = await db.ConsoleSessions.Where(s => db.Officials.Any(o => o.Id == s.OfficialId && o.Code == QuangTrungLeaderCode))
                .Select(s => s.Id).SingleAsync();
        }

        using var page = await attacker.GetAsync(new Uri(SessionsPath, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain(victimSession, html, StringComparison.Ordinal);

        using var forged = await PostFormAsync(attacker, SessionsPath, html, new Dictionary<string, string> { ["SessionId"] = victimSession }, "revoke");

        Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
        Assert.Contains("không có gì thay đổi", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = bed.Host.NewDbContext();
        Assert.Null((await check.ConsoleSessions.SingleAsync(s => s.Id == victimSession)).RevokedAt);
        using var stillIn = await victim.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task A_revoke_posted_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        await using var bed = await StartAsync(Settings());
        using var laptop = Client(bed);
        using var phone = Client(bed);
        using (await SignInAsync(laptop, await AskLinkAsync(bed, TranPhuLeader))) { }
        using (await SignInAsync(phone, await AskLinkAsync(bed, TranPhuLeader))) { }
        using var page = await laptop.GetAsync(new Uri(SessionsPath, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var phoneSession = Rows(html).Single(r => !r.Current).Id;

        using var refused = await PostFormAsync(laptop, SessionsPath, html.Replace("__RequestVerificationToken", "x", StringComparison.Ordinal),
            new Dictionary<string, string> { ["SessionId"] = phoneSession }, "revoke");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await using var db = bed.Host.NewDbContext();
        Assert.Null((await db.ConsoleSessions.SingleAsync(s => s.Id == phoneSession)).RevokedAt);
        using var stillIn = await phone.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Fact]
    public async Task The_session_row_keeps_only_a_hash_of_the_cookies_key_and_the_browsers_user_agent()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chromium/131.0 " + new string('x', 400));
        string cookie;
        using (var signedIn = await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader)))
        {
            cookie = SessionCookie(signedIn);
        }

        await using var db = bed.Host.NewDbContext();
        var session = await db.ConsoleSessions.SingleAsync();
        Assert.Equal(64, session.Id.Length);
        Assert.DoesNotContain(session.Id, cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Mozilla/5.0 (X11; Linux x86_64) Chromium/131.0", session.UserAgent, StringComparison.Ordinal);
        Assert.Equal(Persistence.WebConsole.ConsoleSession.MaxUserAgentLength, session.UserAgent!.Length);
        Assert.Null(session.RevokedAt);
    }

    /// <summary>The sessions listed on the page: each row's revoke button value, and whether the row is marked as this session.</summary>
    internal static List<(string Id, bool Current)> Rows(string html) =>
        [.. RowPattern().Matches(html).Select(m => m.Value)
            .Where(row => row.Contains("name=\"SessionId\"", StringComparison.Ordinal))
            .Select(row => (ButtonPattern().Match(row).Groups["id"].Value, row.Contains("phiên đang dùng", StringComparison.Ordinal)))];

    internal static string SessionCookie(HttpResponseMessage signedIn) =>
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ResidentBot.Console=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A request with only <paramref name="cookie"/>, from a client that keeps no cookies (a stolen copy).</summary>
    private static async Task<HttpResponseMessage> WithCookieAsync(Officials.OfficialsHarness bed, string cookie, string path)
    {
        using var raw = bed.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false, HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await raw.SendAsync(request);
    }

    [GeneratedRegex(@"<tr>[\s\S]*?</tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"name=""SessionId"" value=""(?<id>[0-9a-f]+)""")]
    private static partial Regex ButtonPattern();
}
