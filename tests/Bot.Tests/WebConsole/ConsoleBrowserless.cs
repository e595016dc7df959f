using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Officials;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>
/// The console over HTTP as a browser without script would use it: a link asked from the bot with /web, the confirm
/// page's form (antiforgery token included) posted back, cookies kept. HTTPS, since the session cookie is Secure.
/// </summary>
internal static partial class ConsoleBrowserless
{
    public const string BaseUrl = "https://console.test";

    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Console:PublicBaseUrl"] = BaseUrl,
            ["Console:RecheckAfter"] = "00:00:00",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static HttpClient Client(OfficialsHarness bed) =>
        bed.Host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Sends /web from the official's Telegram account and returns the link path and query the bot sent back.</summary>
    public static async Task<string> AskLinkAsync(OfficialsHarness bed, long official)
    {
        var before = bed.Api.CallsTo("sendMessage").Count(c => c.Long("chat_id") == official && (c.String("text") ?? "").Contains("/console/signin?code=", StringComparison.Ordinal));
        await bed.SendAsync(FakeUpdates.Command(official, "/web"));
        FakeBotApiCall? found = null;
        await OfficialsHarness.WaitUntilAsync(() =>
        {
            found = bed.Api.CallsTo("sendMessage").Where(c => c.Long("chat_id") == official && (c.String("text") ?? "").Contains("/console/signin?code=", StringComparison.Ordinal))
                .Skip(before).FirstOrDefault();
            return Task.FromResult(found is not null);
        });
        var url = LinkPattern().Match(found!.String("text")!).Value;
        Assert.StartsWith(BaseUrl + "/console/signin?code=", url, StringComparison.Ordinal);
        return url[BaseUrl.Length..];
    }

    /// <summary>Opens the link and presses "Đăng nhập"; returns the POST's response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string link)
    {
        using var page = await client.GetAsync(new Uri(link, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        return await PostFormAsync(client, link, html, new Dictionary<string, string>());
    }

    /// <summary>Posts the (first, or named) form of <paramref name="html"/> to <paramref name="path"/>, with its hidden fields and <paramref name="fields"/>.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string html, IDictionary<string, string> fields, string? formName = null)
    {
        var form = formName is null ? FormPattern().Match(html).Value
            : FormPattern().Matches(html).Select(m => m.Value).First(f => f.Contains($"value=\"{formName}\"", StringComparison.Ordinal));
        var values = HiddenPattern().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Records that the chase escalated the case to the supervisor (as the chase's step does).</summary>
    public static async Task EscalateToAsync(Persistence.ResidentBotDbContext db, long caseId, string supervisorCode)
    {
        var supervisor = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Officials, o => o.Code == supervisorCode);
        var @case = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Cases, c => c.Id == caseId);
        @case.Escalate(1, supervisor.Id, "Escalated to the supervisor", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>The path a redirect points to (absolute or relative).</summary>
    public static string Path(HttpResponseMessage response) =>
        new Uri(new Uri(BaseUrl), response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {response.StatusCode}")).AbsolutePath;

    public static string Token(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html).Groups["value"].Value);

    [GeneratedRegex(@"https?://\S+/console/signin\?code=[A-Za-z0-9_\-%]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"<form[^>]*method=""post""[\s\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input type=""hidden"" name=""(?<name>[^""]+)"" value=""(?<value>[^""]*)""")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" value=""(?<value>[^""]*)""")]
    private static partial Regex TokenPattern();
}
