using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Open311.Media;
using ResidentBot.Persistence.Open311;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Open311;
using static ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

/// <summary>
/// A <c>media_url</c> of an allowed host is fetched after the POST has answered, checked, stored, and becomes the case's
/// photo as a chat photo does: sent to the accountable official after the card, counted on the card, kept as an
/// attachment of the case (which the console shows). A fetch a restart interrupted is resumed; nothing is fetched twice.
/// </summary>
public sealed class Open311MediaFetchTests
{
    private const string PhotoHost = "photos.fixmystreet.test";

    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 08:00 in Hải Dương

    /// <summary>The test server is on 127.0.0.1: trusted here, as a city would trust its own photo server's network.</summary>
    internal static Dictionary<string, string?> Fetching(params string[] hosts)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Open311:MediaAllowHttp"] = "true",
            ["Open311:MediaTrustedNetworks:0"] = "127.0.0.1/32",
            ["Outbox:Channels:telegram:MessagesPerSecond"] = "1000",
        };
        for (var i = 0; i < hosts.Length; i++)
        {
            settings[$"Open311:MediaHosts:{i}"] = hosts[i];
        }

        return settings;
    }

    [Fact]
    public async Task The_post_answers_before_the_photo_is_fetched_and_the_photo_then_reaches_the_official_as_the_cases_photo()
    {
        await using var server = await MediaServer.StartAsync();
        await using var bed = await StartAsync(Fetching(PhotoHost), services: MediaNames.Resolve((PhotoHost, "127.0.0.1")));
        var fields = Report();
        fields["media_url"] = server.Url(PhotoHost, "/held.jpg");

        // The photo server holds its answer: the POST must not be waiting for it.
        using var response = await bed.PostAsync("json", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = Json(await response.Content.ReadAsStringAsync())[0].GetProperty("service_request_id").GetString()!;
        await server.HeldAsked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await using (var db = bed.Host.NewDbContext())
        {
            var @case = await db.Cases.SingleAsync(c => c.TrackingCode == code);
            var origin = await db.Open311Requests.SingleAsync(r => r.CaseId == @case.Id);
            Assert.Equal((fields["media_url"], Open311MediaStatus.Pending), (origin.MediaUrl, origin.MediaStatus));
            Assert.False(await db.CaseAttachments.AnyAsync(a => a.CaseId == @case.Id));
        }

        server.Release.SetResult();

        var caseId = await CaseIdAsync(bed, code);
        var stored = await bed.Host.WaitForAsync((db, ct) => db.Open311Requests.AsNoTracking().SingleAsync(r => r.CaseId == caseId, ct),
            r => r.MediaStatus != Open311MediaStatus.Pending);
        Assert.Equal(Open311MediaStatus.Stored, stored.MediaStatus);
        await using (var db = bed.Host.NewDbContext())
        {
            var attachment = await db.CaseAttachments.SingleAsync(a => a.CaseId == caseId);
            Assert.Equal((ClientIdentity.Channel, ActorKind.Resident, "image/jpeg"), (attachment.Channel, attachment.AddedBy, attachment.ContentType));
            var content = await bed.Host.Services.GetRequiredService<IAttachmentStore>().OpenAsync(attachment.FileRef, CancellationToken.None);
            await using var stream = content!.Content;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(MediaServer.Photo, copy.ToArray());
        }

        var photo = (await bed.Api.WaitForCallsAsync("sendPhoto", 1)).Single();
        Assert.Equal(TranPhuLeader, photo.Long("chat_id"));
        Assert.Equal(MediaServer.Photo, Assert.Single(photo.Files).Content);
        Assert.Equal(["/held.jpg"], server.Hits);
    }

    [Fact]
    public async Task A_fetch_the_host_stopped_before_is_resumed_after_the_restart_and_never_fetched_twice()
    {
        await using var server = await MediaServer.StartAsync();
        var names = MediaNames.Resolve((PhotoHost, "127.0.0.1"));
        var folder = Directory.CreateTempSubdirectory("residentbot-open311-media-").FullName;
        var fields = Report();
        fields["media_url"] = server.Url(PhotoHost, "/photo.jpg");
        string code, key;

        // The first host files the request and stops before any job runs (as a crash right after the answer would).
        var stopped = Fetching(PhotoHost);
        stopped["Chase:RunServer"] = "false";
        await using (var first = await StartAsync(stopped, services: names, folder: folder))
        {
            (code, key) = (await first.FileAsync(fields), first.Key);
            await using var db = first.Host.NewDbContext();
            Assert.Equal(Open311MediaStatus.Pending, (await db.Open311Requests.SingleAsync()).MediaStatus);
        }

        Assert.Empty(server.Hits);
        await using var second = await RestartAsync(folder, key, Fetching(PhotoHost), names);
        var caseId = await CaseIdAsync(second, code);
        var stored = await second.Host.WaitForAsync((db, ct) => db.Open311Requests.AsNoTracking().SingleAsync(r => r.CaseId == caseId, ct),
            r => r.MediaStatus != Open311MediaStatus.Pending);
        Assert.Equal((Open311MediaStatus.Stored, 1), (stored.MediaStatus, stored.MediaAttempts));

        // A late duplicate of the job, and the sweep, find nothing left to do.
        using (var scope = second.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Open311MediaJob>().RunAsync(caseId, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Open311MediaSweep>().RunAsync(CancellationToken.None);
        }

        await using (var db = second.Host.NewDbContext())
        {
            Assert.Single(await db.CaseAttachments.Where(a => a.CaseId == caseId).ToListAsync());
        }

        Assert.Equal(["/photo.jpg"], server.Hits);
    }

    [Fact]
    public async Task A_server_error_is_tried_again_after_the_wait_which_doubles_and_then_the_photo_is_stored()
    {
        var time = new FakeTimeProvider(Monday);
        await using var server = await MediaServer.StartAsync();
        server.FailuresLeft = 2;
        var settings = Fetching(PhotoHost);
        settings["Chase:RunServer"] = "false";
        settings["Open311:MediaRetryAfter"] = "00:01:00";
        await using var bed = await StartAsync(settings, time, MediaNames.Resolve((PhotoHost, "127.0.0.1")));
        var fields = Report();
        fields["media_url"] = server.Url(PhotoHost, "/flaky.jpg");
        var caseId = await CaseIdAsync(bed, await bed.FileAsync(fields));

        async Task<Open311Request> RunDueAsync()
        {
            using var scope = bed.Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Open311MediaJob>().RunAsync(caseId, CancellationToken.None);
            await using var db = bed.Host.NewDbContext();
            return await db.Open311Requests.AsNoTracking().SingleAsync(r => r.CaseId == caseId);
        }

        var first = await RunDueAsync();
        Assert.Equal((Open311MediaStatus.Pending, 1, "HTTP 503"), (first.MediaStatus, first.MediaAttempts, first.MediaProblem));
        Assert.Equal(time.GetUtcNow().AddMinutes(1), first.MediaNextAttemptAt);
        Assert.Equal(1, (await RunDueAsync()).MediaAttempts); // not due yet: nothing is fetched
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await RunDueAsync();
        Assert.Equal((Open311MediaStatus.Pending, 2), (second.MediaStatus, second.MediaAttempts));
        Assert.Equal(time.GetUtcNow().AddMinutes(2), second.MediaNextAttemptAt);
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(Open311MediaStatus.Stored, (await RunDueAsync()).MediaStatus);
        Assert.Equal(["/flaky.jpg", "/flaky.jpg", "/flaky.jpg"], server.Hits);
    }

    [Fact]
    public async Task A_host_that_never_answers_is_given_up_after_the_attempts_and_the_case_keeps_its_link()
    {
        var time = new FakeTimeProvider(Monday);
        var settings = Fetching(PhotoHost);
        (settings["Chase:RunServer"], settings["Open311:MediaAttempts"]) = ("false", "2");
        // A name nobody answers for: every attempt is a network failure.
        await using var bed = await StartAsync(settings, time, MediaNames.Resolve(("other.test", "127.0.0.1")));
        var fields = Report();
        fields["media_url"] = $"http://{PhotoHost}/photo.jpg";
        var code = await bed.FileAsync(fields);
        var caseId = await CaseIdAsync(bed, code);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var scope = bed.Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Open311MediaJob>().RunAsync(caseId, CancellationToken.None);
            time.Advance(TimeSpan.FromHours(1));
        }

        await using var db = bed.Host.NewDbContext();
        var origin = await db.Open311Requests.SingleAsync(r => r.CaseId == caseId);
        Assert.Equal((Open311MediaStatus.Failed, 2, null), (origin.MediaStatus, origin.MediaAttempts, origin.MediaNextAttemptAt));
        Assert.Equal(fields["media_url"], origin.MediaUrl);
        Assert.Equal(CaseStatus.Assigned, (await db.Cases.SingleAsync(c => c.Id == caseId)).Status);
        Assert.Contains(bed.Warnings, w => w.Contains("not fetched after 2 attempts", StringComparison.Ordinal));
    }

    internal static async Task<long> CaseIdAsync(Open311Bed bed, string code)
    {
        await using var db = bed.Host.NewDbContext();
        return await db.Cases.Where(c => c.TrackingCode == code).Select(c => c.Id).SingleAsync();
    }
}
