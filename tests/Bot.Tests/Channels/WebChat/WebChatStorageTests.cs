using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Channels.WebChat.Cleanup;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Conversations;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>What a web client can make the host store, and how long it stays.</summary>
public sealed class WebChatStorageTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    [Fact]
    public async Task A_refused_upload_leaves_no_file_and_no_record()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);

        var tooLongText = await UploadAsync(http, conversation, token, $$"""{"type":"message","text":"{{new string('a', 4097)}}"}""", Png, Png);
        var oneNotAnImage = await UploadAsync(http, conversation, token, """{"type":"message"}""", Png, "hello"u8.ToArray());

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType), (tooLongText, oneNotAnImage));
        Assert.False(Directory.Exists(Path.Combine(host.Folder, "files")) && Directory.EnumerateFiles(Path.Combine(host.Folder, "files")).Any());
        await using var db = host.NewDbContext();
        Assert.Empty(await db.WebChatUploads.ToListAsync());
        Assert.Empty(await db.InboxEntries.ToListAsync());
    }

    [Fact]
    public async Task A_conversation_uploads_photos_only_up_to_its_daily_quota()
    {
        await using var host = await WebChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["WebChat:MaxUploadBytesPerConversationPerDay"] = "1024" });
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);
        var photo = Png.Concat(new byte[500]).ToArray();

        var first = await UploadAsync(http, conversation, token, """{"type":"message"}""", photo);
        var second = await UploadAsync(http, conversation, token, """{"type":"message"}""", photo);
        var third = await UploadAsync(http, conversation, token, """{"type":"message"}""", photo);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge], [first, second, third]);
        await using var db = host.NewDbContext();
        Assert.Equal(2, await db.WebChatUploads.CountAsync(u => u.ConversationId == conversation));
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=b", true, "incomplete")]
    [InlineData("multipart/form-data", false, "boundary")]
    public async Task A_truncated_multipart_or_one_without_boundary_is_a_400_that_says_why(string contentType, bool truncated, string reason)
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);
        var head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\nContent-Type: image/png\r\n\r\n"u8.ToArray();
        var body = head.Concat(Png).Concat(truncated ? [] : "\r\n--b--\r\n"u8.ToArray()).ToArray();
        using var request = WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload", token);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cleanup_removes_old_unattached_files_and_old_activities_but_keeps_a_report_in_progress_and_each_conversations_newest_activity()
    {
        // Files on disk are asserted: the folder store, also when the suite runs on PostgreSQL (whose default is the database).
        await using var host = await WebChatTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WebChat:MaxActivitiesPerConversation"] = "10",
            ["Attachments:Store"] = "Folder",
        });
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);
        Assert.Equal(HttpStatusCode.OK, await UploadAsync(http, conversation, token, """{"type":"message"}""", Png));
        Assert.Equal(HttpStatusCode.OK, await UploadAsync(http, conversation, token, """{"type":"message"}""", Png));
        var log = host.Services.GetRequiredService<WebChatLog>();
        const string Quiet = "dl_quiet"; // a conversation the bot does not write to while the test counts
        await log.EnsureAsync(Quiet, Quiet, CancellationToken.None);
        for (var i = 0; i < 12; i++)
        {
            await log.AppendAsync(Quiet, new System.Text.Json.Nodes.JsonObject { ["type"] = "message", ["text"] = $"tin {i}" }, CancellationToken.None);
        }

        string inDraft, loose;
        await using (var db = host.NewDbContext())
        {
            var names = await db.WebChatUploads.OrderBy(u => u.CreatedAt).Select(u => u.Name).ToListAsync();
            (inDraft, loose) = (names[0], names[1]);
            db.ConversationStates.Add(new ConversationState
            {
                Channel = "webchat", ChatId = "dl_someone_else", Flow = "report", Data = $$"""{"photos":["webchat:{{inDraft}}"]}""",
            });
            await db.SaveChangesAsync();
        }

        var soon = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(1));
        await RunCleanupAsync(host, soon);
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(2, await db.WebChatUploads.CountAsync());
            Assert.Equal(10, await db.WebChatActivities.CountAsync(a => a.ConversationId == Quiet));
        }

        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(91));
        await RunCleanupAsync(host, later);
        await using (var db = host.NewDbContext())
        {
            Assert.Equal([inDraft], await db.WebChatUploads.Select(u => u.Name).ToListAsync());
            Assert.Single(await db.WebChatActivities.Where(a => a.ConversationId == Quiet).ToListAsync());
        }

        Assert.True(File.Exists(Path.Combine(host.Folder, "files", inDraft)));
        Assert.False(File.Exists(Path.Combine(host.Folder, "files", loose)));
        var next = await log.AppendAsync(Quiet, new System.Text.Json.Nodes.JsonObject { ["type"] = "message" }, CancellationToken.None);
        Assert.Equal(WebChatLog.ActivityId(Quiet, 13), next);
    }

    internal static async Task RunCleanupAsync(WebChatTestHost host, TimeProvider time)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var job = new WebChatCleanupJob(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>(),
            host.Services.GetRequiredService<WebChatFiles>(), host.Services.GetRequiredService<IOptions<WebChatOptions>>(), time,
            NullLogger<WebChatCleanupJob>.Instance);
        await job.RunAsync(CancellationToken.None);
    }

    private static async Task<HttpStatusCode> UploadAsync(HttpClient http, string conversation, string token, string activityJson, params byte[][] files)
    {
        using var form = new MultipartFormDataContent();
        var activity = new StringContent(activityJson, Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        foreach (var bytes in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "file", "photo.png");
        }

        using var request = WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload?userId=x", token);
        request.Content = form;
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
