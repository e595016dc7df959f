using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Dashboard;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Chase;

/// <summary>
/// The operator signs in with a form (a SameSite=Strict cookie, which no request another site starts carries), and
/// every dashboard action needs the token of a dashboard page, from the dashboard's own origin: a foreign page cannot
/// stop the chase.
/// </summary>
public sealed partial class DashboardSignInTests
{
    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["Chase:DashboardUser"] = "admin",
        ["Chase:DashboardPassword"] = "s3cret",
    };

    [Fact]
    public async Task Signing_in_sets_a_strict_http_only_cookie_and_opens_the_dashboard()
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var anonymous = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var signIn = await SignInAsync(client, "s3cret");
        using var dashboard = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/dashboard/sign-in", anonymous.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ResidentBot.Dashboard=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_or_basic_credentials_do_not_open_the_dashboard()
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var wrong = await SignInAsync(client, "nope");
        using var basic = new HttpRequestMessage(HttpMethod.Get, "/hangfire") { Headers = { Authorization = new("Basic", Convert.ToBase64String("admin:s3cret"u8.ToArray())) } };
        using var basicResponse = await client.SendAsync(basic);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, basicResponse.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_outlives_a_restart_because_the_keys_are_kept_in_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-keys-").FullName;
        var settings = new Dictionary<string, string?>(Credentials) { ["Telegram:BotToken"] = "" };
        string cookie;
        await using (var first = await BotTestHost.StartAsync(settings, folder: folder, keepFolder: true))
        {
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var signIn = await SignInAsync(client, "s3cret");
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ResidentBot.Dashboard=", StringComparison.Ordinal)).Split(';')[0];
        }

        // A new process (or container) on the same database: no key files on disk carry over.
        await using var second = await BotTestHost.StartAsync(settings, folder: folder);
        using var fresh = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire") { Headers = { { "Cookie", cookie } } };
        using var dashboard = await fresh.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        await using var db = second.NewDbContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task Guessing_the_password_is_refused_after_a_few_attempts_a_minute_even_with_the_right_one()
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < DashboardSignIn.AttemptsPerMinute; i++)
        {
            using var guess = await SignInAsync(client, $"guess-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        using var right = await SignInAsync(client, "s3cret");

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.False(right.Headers.Contains("Set-Cookie") && right.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ResidentBot.Dashboard=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("cross-site", "https://evil.example")]
    [InlineData("same-site", "https://evil.bot.example")]
    [InlineData(null, "https://evil.example")]
    [InlineData(null, null)]
    public async Task A_foreign_page_posting_remove_with_the_operators_session_is_refused_and_the_jobs_remain(string? fetchSite, string? origin)
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient(); // signed in, and its cookie sent even so (a browser would not)
        (await SignInAsync(client, "s3cret")).Dispose();
        using var request = Remove(ChaseRecurringJobs.Sweep);
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(ChaseRecurringJobs.Sweep, RecurringJobIds(host));
    }

    [Fact]
    public async Task Without_the_session_an_action_is_unauthorized()
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient();

        using var response = await client.SendAsync(Remove(ChaseRecurringJobs.Sweep));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(ChaseRecurringJobs.Sweep, RecurringJobIds(host));
    }

    [Fact]
    public async Task A_foreign_page_cannot_sign_the_operator_in()
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await SignInAsync(client, "s3cret", fetchSite: "cross-site");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ResidentBot.Dashboard=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_action_from_a_dashboard_page_with_its_token_works()
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient(); // keeps the cookies, as the operator's browser does
        (await SignInAsync(client, "s3cret")).Dispose();
        var html = await client.GetStringAsync(new Uri("/hangfire/recurring", UriKind.Relative));
        var header = CsrfHeader().Match(html);
        var token = CsrfToken().Match(html);
        Assert.True(header.Success && token.Success, "The dashboard page carries no antiforgery token");

        using var request = Remove(ChaseRecurringJobs.Sweep);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(ChaseRecurringJobs.Sweep, RecurringJobIds(host));
        Assert.Contains(ChaseRecurringJobs.DailyDigest, RecurringJobIds(host));
    }

    /// <summary>Opens the sign-in page (its antiforgery cookie and token) and posts the form from it.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string password, string fetchSite = "same-origin")
    {
        var page = await client.GetStringAsync(new Uri("/dashboard/sign-in", UriKind.Relative));
        var token = FormToken().Match(page);
        Assert.True(token.Success, "The sign-in page carries no antiforgery token");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [WebUtility.HtmlDecode(token.Groups["name"].Value)] = WebUtility.HtmlDecode(token.Groups["value"].Value),
                ["user"] = "admin",
                ["password"] = password,
            }),
        };
        request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return await client.SendAsync(request);
    }

    private static HttpRequestMessage Remove(string jobId) => new(HttpMethod.Post, "/hangfire/recurring/remove")
    {
        Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", jobId)]),
    };

    private static List<string> RecurringJobIds(ChaseHost host)
    {
        using var connection = host.Host.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id)];
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex FormToken();

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
