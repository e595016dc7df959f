using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Attachments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Channels.WebChat.Cleanup;
using ResidentBot.Bot.Retention;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Conversations;

namespace ResidentBot.Bot.Tests.Attachments;

/// <summary>
/// <c>Attachments:Store</c> = <c>Database</c> forced on SQLite (the cheap provider; PostgreSQL's default, across two
/// hosts, is in Cluster/PhotosAcrossHostsTests): the bytes live in <c>AttachmentContents</c>, no file is written, and
/// every cleanup takes the bytes with the rows.
/// </summary>
public sealed class DatabaseStoreTests
{
    private static readonly Dictionary<string, string?> InDatabase = new(ResidentChat.FastOutbox()) { ["Attachments:Store"] = "Database" };

    [Fact]
    public async Task Photos_kept_in_the_database_are_opened_from_it_and_retention_removes_the_bytes_of_those_nothing_refers_to()
    {
        await using var host = await BotTestHost.StartAsync(InDatabase);
        var chat = new ResidentChat(host, 5001);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(ResidentScenarios.Description);
        await chat.PhotoAsync("kept");
        await chat.PressAsync("Xong");
        await chat.PressAsync("Gửi");
        await chat.PhotoAsync("stray");
        var store = host.Services.GetRequiredService<AttachmentStore>();
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(2, await db.AttachmentContents.CountAsync());
            var monthAgo = DateTimeOffset.UtcNow.AddDays(-30);
            await db.StoredAttachments.ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedAt, monthAgo));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionCleanupJob>().RunAsync(CancellationToken.None);
        }

        await using var after = host.NewDbContext();
        var left = await after.StoredAttachments.SingleAsync();
        Assert.Equal("kept-large", left.SourceRef);
        Assert.Equal(left.Id, (await after.AttachmentContents.SingleAsync()).AttachmentId);
        Assert.False(Directory.Exists(store.Folder) && Directory.EnumerateFiles(store.Folder).Any());
        await using var content = (await store.OpenAsync("attachment:" + left.Id, CancellationToken.None))!.Content;
        Assert.Equal(TestImages.Jpeg("kept"), await ReadAllAsync(content));
    }

    [Fact]
    public async Task A_web_chat_upload_is_stored_once_in_the_database_served_from_it_and_its_cleanup_removes_the_bytes_unless_a_report_holds_them()
    {
        await using var host = await BotTestHost.StartAsync(InDatabase);
        using var http = host.CreateClient();
        var resident = await WebChatResident.OpenAsync(http);
        var (held, loose) = (TestImages.Png("ảnh trong phản ánh"), TestImages.Png("ảnh lạc"));
        Assert.Equal(HttpStatusCode.OK, await resident.UploadAsync(held));
        Assert.Equal(HttpStatusCode.OK, await resident.UploadAsync(loose));
        await host.WaitUntilIdleAsync();

        var files = host.Services.GetRequiredService<WebChatFiles>();
        string heldName, looseName;
        await using (var db = host.NewDbContext())
        {
            var uploads = await db.WebChatUploads.OrderBy(u => u.CreatedAt).Select(u => u.Name).ToListAsync();
            (heldName, looseName) = (uploads[0], uploads[1]);
            Assert.Equal(2, await db.StoredAttachments.CountAsync()); // the intake found each upload stored: no second copy
            Assert.Equal(2, await db.AttachmentContents.CountAsync());
            var heldId = await db.StoredAttachments.Where(a => a.SourceRef == WebChatFiles.RefPrefix + heldName).Select(a => a.Id).SingleAsync();
            db.ConversationStates.Add(new ConversationState
            {
                Channel = "webchat", ChatId = "dl_someone_else", Flow = "report", Data = $$"""{"photos":["attachment:{{heldId}}"]}""",
            });
            await db.SaveChangesAsync();
        }

        Assert.False(File.Exists(Path.Combine(files.Folder, heldName)));
        using (var served = await http.GetAsync(new Uri(WebChatFiles.UrlPath + heldName, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(held, await served.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2)); // past the web chat's lifetime, within the attachments'
            await new WebChatCleanupJob(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>(), files,
                host.Services.GetRequiredService<IOptions<WebChatOptions>>(), later, NullLogger<WebChatCleanupJob>.Instance).RunAsync(CancellationToken.None);
        }

        await using (var db = host.NewDbContext())
        {
            Assert.Empty(await db.WebChatUploads.ToListAsync());
            var kept = await db.StoredAttachments.SingleAsync();
            Assert.Equal(WebChatFiles.RefPrefix + heldName, kept.SourceRef);
            Assert.Equal(kept.Id, (await db.AttachmentContents.SingleAsync()).AttachmentId);
        }

        using var gone = await http.GetAsync(new Uri(WebChatFiles.UrlPath + looseName, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_web_chat_upload_that_is_not_an_image_or_too_large_is_refused_and_nothing_reaches_the_database()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>(InDatabase) { ["WebChat:MaxUploadBytes"] = "2048" });
        using var http = host.CreateClient();
        var resident = await WebChatResident.OpenAsync(http);

        var notAnImage = await resident.UploadAsync(TestImages.NotAnImage());
        var tooLarge = await resident.UploadAsync([.. TestImages.Png("lớn"), .. new byte[4096]]);

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.RequestEntityTooLarge), (notAnImage, tooLarge));
        await using var db = host.NewDbContext();
        Assert.Empty(await db.WebChatUploads.ToListAsync());
        Assert.Empty(await db.StoredAttachments.ToListAsync());
        Assert.Empty(await db.AttachmentContents.ToListAsync());
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite, false)]
    [InlineData(null, DatabaseProvider.PostgreSql, true)]
    [InlineData("Database", DatabaseProvider.Sqlite, true)]
    [InlineData("folder", DatabaseProvider.PostgreSql, false)]
    public void The_store_is_a_folder_on_sqlite_and_the_database_on_postgresql_unless_the_setting_says_otherwise(
        string? setting, DatabaseProvider provider, bool inDatabase) =>
        Assert.Equal(inDatabase, new AttachmentOptions { Store = setting }.InDatabase(provider));

    [Fact]
    public void A_store_that_is_neither_folder_nor_database_is_refused_naming_the_choices()
    {
        var options = new AttachmentOptions { Store = "Disk" };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains("Folder or Database", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
