using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>
/// The console benchmark's sign-in as it does it: a link printed by <c>console-link</c> (another process, here the same
/// verb in-process on the same SQLite file) before the host starts, the page fetched and its hidden fields posted back,
/// cookies kept by hand over plain http, one host after another on the same database.
/// </summary>
public sealed partial class ConsoleSignInKeysTests
{
    private const string Base = "http://console.bench";

    private static readonly Dictionary<string, string?> HostSettings = new()
    {
        ["Console:PublicBaseUrl"] = Base,
        ["Chase:RunServer"] = "false",
        ["Telegram:BotToken"] = "",
    };

    [Fact]
    public async Task The_console_link_verb_makes_no_data_protection_key_and_its_link_signs_in_on_the_host_started_after_it()
    {
        var (folder, connection) = await PrepareAsync();
        try
        {
            await DeleteKeysAsync(connection);
            var link = await LinkAsync(connection, TranPhuLeaderCode);
            Assert.Equal(0, await KeyCountAsync(connection));

            await using var host = await BotTestHost.StartAsync(HostSettings, folder: folder, keepFolder: true);
            var page = await OpenAsync(host, link);
            using var posted = await PostAsync(host, link, page);

            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal(1, await KeyCountAsync(connection));
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task A_link_used_on_one_host_run_and_posted_again_on_the_next_gets_words_not_an_empty_400()
    {
        // What the benchmark did with --runs 2 or more: one link per official for every run. The second run's GET answers
        // 410 (used) without a form, the post that follows carries no antiforgery token, and the page answered an empty 400.
        var (folder, connection) = await PrepareAsync();
        try
        {
            var link = await LinkAsync(connection, TranPhuLeaderCode);
            await using (var first = await BotTestHost.StartAsync(HostSettings, folder: folder, keepFolder: true))
            {
                using var signedIn = await PostAsync(first, link, await OpenAsync(first, link));
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            }

            await using var second = await BotTestHost.StartAsync(HostSettings, folder: folder, keepFolder: true);
            var again = await OpenAsync(second, link);
            using var posted = await PostAsync(second, link, again);
            var body = await posted.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Gone, again.Status);
            Assert.Empty(again.Fields);
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            Assert.Contains("Trang đăng nhập này đã cũ", body, StringComparison.Ordinal);
            Assert.Contains($"href=\"{link}\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain(posted.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("ResidentBot.Console=", StringComparison.Ordinal));
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task A_sign_in_page_made_under_a_key_the_host_no_longer_holds_is_refused_with_words_and_the_link_still_signs_in_when_opened_again()
    {
        var (folder, connection) = await PrepareAsync();
        try
        {
            var link = await LinkAsync(connection, TranPhuLeaderCode);
            Page stale;
            await using (var first = await BotTestHost.StartAsync(HostSettings, folder: folder, keepFolder: true))
            {
                stale = await OpenAsync(first, link);
            }

            // The key the page's token and cookie were protected with is gone (a key ring replaced, a database restored).
            await DeleteKeysAsync(connection);
            await using var second = await BotTestHost.StartAsync(HostSettings, folder: folder, keepFolder: true);
            using var refused = await PostAsync(second, link, stale with { Cookies = stale.Cookies + "; ResidentBot.Console.Language=en" });
            var body = await refused.Content.ReadAsStringAsync();
            bool used;
            await using (var db = second.NewDbContext())
            {
                used = (await db.ConsoleSignIns.SingleAsync()).UsedAt is not null;
            }

            var fresh = await OpenAsync(second, link);
            using var signedIn = await PostAsync(second, link, fresh);

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("This sign-in page is out of date", body, StringComparison.Ordinal);
            Assert.Contains("Open the sign-in link again", body, StringComparison.Ordinal);
            Assert.False(used);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task A_page_made_on_another_host_under_a_key_this_host_has_not_read_yet_still_signs_in_here()
    {
        // The lead of the report: a host caches its key ring, another process adds a key. Here the first host has
        // read its ring (key 1), the keys are removed and a second host on the same file makes key 2 and the page.
        var (folder, connection) = await PrepareAsync();
        try
        {
            var link = await LinkAsync(connection, TranPhuLeaderCode);
            await using var first = await BotTestHost.StartAsync(HostSettings, folder: folder, keepFolder: true);
            Assert.Equal(HttpStatusCode.OK, (await OpenAsync(first, link)).Status); // its ring read and used
            var keyOne = await KeyNamesAsync(connection);
            await DeleteKeysAsync(connection);
            await using var second = await BotTestHost.StartAsync(HostSettings, folder: folder, keepFolder: true);
            var page = await OpenAsync(second, link);

            var keyTwo = await KeyNamesAsync(connection);
            using var posted = await PostAsync(first, link, page);

            Assert.Single(keyOne);
            Assert.Single(keyTwo);
            Assert.NotEqual(keyOne, keyTwo);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        finally
        {
            Delete(folder);
        }
    }

    private sealed record Page(HttpStatusCode Status, Dictionary<string, string> Fields, string Cookies);

    // A host that migrates the database and stops (the benchmark's first start), leaving the file for the next ones.
    private static async Task<(string Folder, string Connection)> PrepareAsync()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-signin-keys-").FullName;
        await using var seed = await BotTestHost.StartAsync(HostSettings, folder: folder, keepFolder: true);
        return (folder, seed.Services.GetRequiredService<IConfiguration>().GetConnectionString("ResidentBot")!);
    }

    private static async Task<string> LinkAsync(string connection, string officialCode)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ResidentBot"] = connection,
            ["Console:PublicBaseUrl"] = Base,
            ["Directory:Path"] = RepositoryPaths.SampleDirectory,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliVerbs.TryRunAsync(["console-link", officialCode], settings, output, error, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.True(exit == 0, error.ToString());
        return new Uri(output.ToString().Trim()).PathAndQuery;
    }

    private static HttpClient Client(BotTestHost host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(Base), AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<Page> OpenAsync(BotTestHost host, string link)
    {
        using var client = Client(host);
        using var page = await client.GetAsync(new Uri(link, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var fields = Hidden().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var cookies = string.Join("; ", (page.Headers.TryGetValues("Set-Cookie", out var set) ? set : []).Select(c => c.Split(';')[0]));
        return new Page(page.StatusCode, fields, cookies);
    }

    private static async Task<HttpResponseMessage> PostAsync(BotTestHost host, string link, Page page)
    {
        using var client = Client(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(link, UriKind.Relative)) { Content = new FormUrlEncodedContent(page.Fields) };
        if (page.Cookies.Length > 0)
        {
            request.Headers.Add("Cookie", page.Cookies.TrimStart(';', ' '));
        }

        return await client.SendAsync(request);
    }

    private static ResidentBotDbContext Open(string connection) =>
        new(new DbContextOptionsBuilder<ResidentBotDbContext>().UseSqlite(connection).Options);

    private static async Task DeleteKeysAsync(string connection)
    {
        await using (var db = Open(connection))
        {
            await db.DataProtectionKeys.ExecuteDeleteAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<int> KeyCountAsync(string connection)
    {
        await using var db = Open(connection);
        return await db.DataProtectionKeys.CountAsync();
    }

    private static async Task<List<string?>> KeyNamesAsync(string connection)
    {
        await using var db = Open(connection);
        return await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
    }

    private static void Delete(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [GeneratedRegex(@"<input type=""hidden"" name=""([^""]+)"" value=""([^""]*)""")]
    private static partial Regex Hidden();
}
