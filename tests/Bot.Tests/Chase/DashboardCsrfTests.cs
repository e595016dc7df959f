using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;

namespace ResidentBot.Bot.Tests.Chase;

/// <summary>
/// The operator is signed in by Basic auth, which a browser attaches to any request to the host, whoever's page
/// makes it: a dashboard action must come with the token of a dashboard page, from the dashboard's own origin.
/// </summary>
public sealed partial class DashboardCsrfTests
{
    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["Chase:DashboardUser"] = "admin",
        ["Chase:DashboardPassword"] = "s3cret",
    };

    [Theory]
    [InlineData("cross-site", "https://evil.example")]
    [InlineData("same-site", "https://evil.bot.example")]
    [InlineData(null, "https://evil.example")]
    [InlineData(null, null)]
    public async Task A_foreign_page_posting_remove_with_the_operators_credentials_is_refused_and_the_jobs_remain(string? fetchSite, string? origin)
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient();
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
    public async Task An_action_from_a_dashboard_page_with_its_token_works()
    {
        await using var host = await ChaseHost.StartAsync(settings: Credentials);
        using var client = host.Host.CreateClient(); // keeps the antiforgery cookie, as the operator's browser does
        using var page = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        page.Headers.Authorization = Basic();
        using var pageResponse = await client.SendAsync(page);
        var html = await pageResponse.Content.ReadAsStringAsync();
        var header = HeaderAttribute().Match(html);
        var token = TokenAttribute().Match(html);
        Assert.True(header.Success && token.Success, "The dashboard page carries no antiforgery token");

        using var request = Remove(ChaseRecurringJobs.Sweep);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(ChaseRecurringJobs.Sweep, RecurringJobIds(host));
        Assert.Contains(ChaseRecurringJobs.DailyDigest, RecurringJobIds(host));
    }

    private static HttpRequestMessage Remove(string jobId) => new(HttpMethod.Post, "/hangfire/recurring/remove")
    {
        Headers = { Authorization = Basic() },
        Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", jobId)]),
    };

    private static System.Net.Http.Headers.AuthenticationHeaderValue Basic() =>
        new("Basic", Convert.ToBase64String("admin:s3cret"u8.ToArray()));

    private static List<string> RecurringJobIds(ChaseHost host)
    {
        using var connection = host.Host.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id)];
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex HeaderAttribute();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenAttribute();
}
