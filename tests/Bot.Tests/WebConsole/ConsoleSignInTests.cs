using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Persistence.DirectoryImport;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

public sealed class ConsoleSignInTests
{
    [Fact]
    public async Task A_link_from_web_signs_in_once_and_only_its_hash_is_stored()
    {
        await using var bed = await StartAsync(Settings());
        var link = await AskLinkAsync(bed, TranPhuLeader);
        using var client = Client(bed);

        using var opened = await client.GetAsync(new Uri(link, UriKind.Relative));
        var html = await opened.Content.ReadAsStringAsync();
        Assert.Contains("Chủ tịch UBND phường Trần Phú", html, StringComparison.Ordinal);
        await using (var db = bed.Host.NewDbContext())
        {
            // The GET (what a link previewer does) used nothing.
            var row = await db.ConsoleSignIns.SingleAsync();
            Assert.Null(row.UsedAt);
            Assert.DoesNotContain(row.CodeHash, link, StringComparison.Ordinal);
        }

        using var signedIn = await PostFormAsync(client, link, html, new Dictionary<string, string>());
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync() + string.Join(";", signedIn.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value))));
        Assert.Equal("/console", Path(signedIn));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ResidentBot.Console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        using var second = Client(bed);
        using var again = await second.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("đã được dùng", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_posted_twice_starts_one_session_only()
    {
        await using var bed = await StartAsync(Settings());
        var link = await AskLinkAsync(bed, TranPhuLeader);
        using var first = Client(bed);
        using var second = Client(bed);
        using var page1 = await first.GetAsync(new Uri(link, UriKind.Relative));
        using var page2 = await second.GetAsync(new Uri(link, UriKind.Relative));
        var html1 = await page1.Content.ReadAsStringAsync();
        var html2 = await page2.Content.ReadAsStringAsync();

        using var won = await PostFormAsync(first, link, html1, new Dictionary<string, string>());
        using var lost = await PostFormAsync(second, link, html2, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, lost.StatusCode);
        Assert.DoesNotContain(lost.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("ResidentBot.Console=", StringComparison.Ordinal));
        using var queue = await second.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.Equal("/console/signin", Path(queue));
    }

    [Fact]
    public async Task A_form_posted_without_the_pages_antiforgery_token_is_refused_and_the_link_stays_unused()
    {
        await using var bed = await StartAsync(Settings());
        var link = await AskLinkAsync(bed, TranPhuLeader);
        using var attacker = Client(bed);
        using var victim = Client(bed);
        using var attackerPage = await attacker.GetAsync(new Uri(link, UriKind.Relative));
        var foreignToken = Token(await attackerPage.Content.ReadAsStringAsync());
        using var victimPage = await victim.GetAsync(new Uri(link, UriKind.Relative));
        var html = await victimPage.Content.ReadAsStringAsync();

        using var without = await PostFormAsync(victim, link, html.Replace("__RequestVerificationToken", "x", StringComparison.Ordinal), new Dictionary<string, string>());
        using var foreign = await PostFormAsync(victim, link, html, new Dictionary<string, string> { ["__RequestVerificationToken"] = foreignToken });

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        await using var db = bed.Host.NewDbContext();
        Assert.Null((await db.ConsoleSignIns.SingleAsync()).UsedAt);
    }

    [Fact]
    public async Task A_post_a_browser_marks_as_cross_site_is_refused_before_the_page_sees_it()
    {
        await using var bed = await StartAsync(Settings());
        var link = await AskLinkAsync(bed, TranPhuLeader);
        using var client = Client(bed);
        using var page = await client.GetAsync(new Uri(link, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");

        using var response = await PostFormAsync(client, link, html, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_session_ends_when_the_officials_posts_end()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        using var signedIn = await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader));
        using (var queue = await client.GetAsync(new Uri("/console", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        }

        await using (var db = bed.Host.NewDbContext())
        {
            var posts = await db.Posts.Where(p => p.Official!.Code == TranPhuLeaderCode).ToListAsync();
            posts.ForEach(p => p.ValidTo = DateTimeOffset.UtcNow.AddMinutes(-1));
            await db.SaveChangesAsync();
        }

        bed.Host.Services.GetRequiredService<DirectorySnapshotLoader>().Invalidate(); // as an import does

        using var after = await client.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/console/signin", Path(after));
    }

    [Fact]
    public async Task Web_from_someone_who_is_not_an_official_gives_no_link()
    {
        await using var bed = await StartAsync(Settings());

        await bed.SendAsync(Fakes.FakeUpdates.Command(Resident, "/web"));

        await bed.MessageToAsync(Resident, "dành cho cán bộ");
        await using var db = bed.Host.NewDbContext();
        Assert.False(await db.ConsoleSignIns.AnyAsync());
    }
}

public sealed class ConsoleLinkExpiryTests
{
    [Fact]
    public async Task A_link_opened_after_ten_minutes_is_refused_and_signs_nobody_in()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Infrastructure.BotTestHost.StartAsync(Settings(), time);
        await using (var db = host.NewDbContext())
        {
            await OfficialsHarness.WaitUntilAsync(() => db.Officials.AnyAsync(o => o.Code == TranPhuLeaderCode));
            var official = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Code == TranPhuLeaderCode);
            Infrastructure.OfficialBindings.BindTelegram(official, TranPhuLeader);
            await db.SaveChangesAsync();
        }

        host.Api.EnqueueUpdate(Fakes.FakeUpdates.Command(TranPhuLeader, "/web"));
        var sent = await host.Api.WaitForCallsAsync("sendMessage", 1);
        var text = sent.Select(c => c.String("text") ?? "").Single(t => t.Contains("/console/signin?code=", StringComparison.Ordinal));
        var link = text[text.IndexOf("/console/signin?code=", StringComparison.Ordinal)..].Split('\n')[0].Trim();
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false });
        using var fresh = await client.GetAsync(new Uri(link, UriKind.Relative));
        var html = await fresh.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var late = await PostFormAsync(client, link, html, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("đã hết hạn", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(late.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ResidentBot.Console=", StringComparison.Ordinal)));
        await using var check = host.NewDbContext();
        Assert.Null((await check.ConsoleSignIns.SingleAsync()).UsedAt);
    }
}
