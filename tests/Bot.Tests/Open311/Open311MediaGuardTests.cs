using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Open311.Media;
using ResidentBot.Persistence.Open311;
using static ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

/// <summary>
/// A <c>media_url</c> is a request our server would make for a stranger: a host not allowed, a name that resolves to a
/// loopback, private, link-local or metadata address (in any of its IPv6 disguises), a redirect to one, a body too large
/// and a file that is not an image are all refused — without connecting where the address is wrong — while the POST
/// answers at once, the case is made and its link kept.
/// </summary>
public sealed class Open311MediaGuardTests
{
    private const string PhotoHost = "photos.fixmystreet.test";

    [Theory]
    [InlineData("loopback.test", "127.0.0.1")]
    [InlineData("intranet.test", "10.1.2.3")]
    [InlineData("metadata.test", "169.254.169.254")]
    [InlineData("six.test", "::1")]
    [InlineData("mapped.test", "::ffff:10.1.2.3")]
    [InlineData("sixtofour.test", "2002:7f00:1::")]
    [InlineData("unique-local.test", "fd12:3456::1")]
    public async Task A_name_that_resolves_to_a_private_address_is_refused_without_connecting(string name, string address)
    {
        await using var server = await MediaServer.StartAsync();
        // No trusted network here: 127.0.0.1, where the photo server listens, is refused like any private address.
        var settings = Open311MediaFetchTests.Fetching(name);
        settings.Remove("Open311:MediaTrustedNetworks:0");

        var origin = await PostAndFetchAsync(settings, MediaNames.Resolve((name, address)), server.Url(name, "/photo.jpg"));

        Assert.Equal(Open311MediaStatus.Refused, origin.MediaStatus);
        Assert.Contains(IPAddress.Parse(address).ToString(), origin.MediaProblem, StringComparison.Ordinal);
        Assert.Empty(server.Hits);
    }

    [Fact]
    public async Task An_address_in_the_link_itself_is_checked_like_a_resolved_one()
    {
        var settings = Open311MediaFetchTests.Fetching("169.254.169.254");
        var origin = await PostAndFetchAsync(settings, MediaNames.Resolve(), "http://169.254.169.254/latest/meta-data/iam/security-credentials/");

        Assert.Equal(Open311MediaStatus.Refused, origin.MediaStatus);
        Assert.Contains("169.254.169.254", origin.MediaProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_not_in_the_allow_list_is_refused_at_once_and_nothing_is_asked_of_it()
    {
        await using var server = await MediaServer.StartAsync();
        await using var bed = await StartAsync(Open311MediaFetchTests.Fetching(PhotoHost), services: MediaNames.Resolve(("elsewhere.test", "127.0.0.1")));
        var fields = Report();
        fields["media_url"] = server.Url("elsewhere.test", "/photo.jpg");

        var code = await bed.FileAsync(fields);

        await using var db = bed.Host.NewDbContext();
        var origin = await db.Open311Requests.SingleAsync();
        Assert.Equal((Open311MediaStatus.Refused, fields["media_url"]), (origin.MediaStatus, origin.MediaUrl));
        Assert.Contains("not in Open311:MediaHosts", origin.MediaProblem, StringComparison.Ordinal);
        Assert.True(await db.Cases.AnyAsync(c => c.TrackingCode == code));
        Assert.Empty(server.Hits);
    }

    [Fact]
    public async Task Without_allowed_hosts_the_link_is_only_kept()
    {
        await using var server = await MediaServer.StartAsync();
        await using var bed = await StartAsync(services: MediaNames.Resolve((PhotoHost, "127.0.0.1")));
        var fields = Report();
        fields["media_url"] = server.Url(PhotoHost, "/photo.jpg");

        await bed.FileAsync(fields);

        await using var db = bed.Host.NewDbContext();
        var origin = await db.Open311Requests.SingleAsync();
        Assert.Equal((Open311MediaStatus.None, fields["media_url"], null), (origin.MediaStatus, origin.MediaUrl, origin.MediaNextAttemptAt));
        Assert.Empty(server.Hits);
    }

    [Fact]
    public async Task A_plain_http_link_is_refused_unless_http_is_allowed()
    {
        var settings = Open311MediaFetchTests.Fetching(PhotoHost);
        settings.Remove("Open311:MediaAllowHttp");

        var origin = await PostAndFetchAsync(settings, MediaNames.Resolve((PhotoHost, "127.0.0.1")), $"http://{PhotoHost}/photo.jpg");

        Assert.Equal(Open311MediaStatus.Refused, origin.MediaStatus);
        Assert.Contains("only https", origin.MediaProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_without_following_it()
    {
        await using var server = await MediaServer.StartAsync();
        var settings = Open311MediaFetchTests.Fetching(PhotoHost, "intranet.test");
        var target = server.Url("intranet.test", "/photo.jpg");

        var origin = await PostAndFetchAsync(settings, MediaNames.Resolve((PhotoHost, "127.0.0.1"), ("intranet.test", "10.1.2.3")),
            server.Url(PhotoHost, "/redirect?to=" + Uri.EscapeDataString(target)));

        Assert.Equal(Open311MediaStatus.Refused, origin.MediaStatus);
        Assert.Contains("10.1.2.3", origin.MediaProblem, StringComparison.Ordinal);
        Assert.Equal(["/redirect"], server.Hits);
    }

    [Theory]
    [InlineData("/big.jpg", "larger than 65536 bytes")]
    [InlineData("/page.html", "content type text/html")]
    [InlineData("/disguised.jpg", "first bytes are not")]
    public async Task A_body_too_large_or_not_an_image_is_refused_and_nothing_is_stored(string path, string problem)
    {
        await using var server = await MediaServer.StartAsync();
        var settings = Open311MediaFetchTests.Fetching(PhotoHost);
        settings["Open311:MediaMaxBytes"] = "65536";

        var origin = await PostAndFetchAsync(settings, MediaNames.Resolve((PhotoHost, "127.0.0.1")), server.Url(PhotoHost, path));

        Assert.Equal(Open311MediaStatus.Refused, origin.MediaStatus);
        Assert.Contains(problem, origin.MediaProblem, StringComparison.Ordinal);
        Assert.Equal([path], server.Hits);
    }

    /// <summary>
    /// Posts a report with <paramref name="mediaUrl"/>, checks the answer came and the case was made with its link, then
    /// runs the fetch (the Hangfire server is off, so it runs here, once) and returns the row.
    /// </summary>
    private static async Task<Open311Request> PostAndFetchAsync(Dictionary<string, string?> settings, Action<IServiceCollection> names, string mediaUrl)
    {
        settings["Chase:RunServer"] = "false";
        await using var bed = await StartAsync(settings, services: names);
        var fields = Report();
        fields["media_url"] = mediaUrl;

        var clock = Stopwatch.StartNew();
        using (var response = await bed.PostAsync("json", fields))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the POST took {clock.Elapsed}");
        await using (var db = bed.Host.NewDbContext())
        {
            var origin = await db.Open311Requests.SingleAsync();
            Assert.Equal(mediaUrl, origin.MediaUrl);
            Assert.True(await db.Cases.AnyAsync(c => c.Id == origin.CaseId));
            using var scope = bed.Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Open311MediaJob>().RunAsync(origin.CaseId, CancellationToken.None);
        }

        await using var after = bed.Host.NewDbContext();
        Assert.False(await after.CaseAttachments.AnyAsync());
        return await after.Open311Requests.AsNoTracking().SingleAsync();
    }
}
