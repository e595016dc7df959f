using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Retention;
using ResidentBot.Bot.Tests.Attachments;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Bot.Tests.Cluster;

/// <summary>Photos with two hosts on one PostgreSQL database and no shared folder: what one host took in, the other serves.</summary>
public sealed class PhotosAcrossHostsTests
{
    [SkippableFact]
    public async Task A_photo_uploaded_to_one_host_is_served_and_forwarded_by_the_other_with_the_same_bytes_and_no_file_on_either()
    {
        Providers.SkipUnlessPostgresAvailable();
        await using var cluster = await ClusterHosts.StartAsync(2, new Dictionary<string, string?>
        {
            ["Outbox:Channels:telegram:PerChatInterval"] = "00:00:00",
            ["Outbox:Channels:telegram:MessagesPerSecond"] = "1000",
        });
        var (a, b) = (cluster.Hosts[0], cluster.Hosts[1]);
        using var atA = a.CreateClient();
        using var atB = b.CreateClient();
        var resident = await WebChatResident.OpenAsync(atA);
        var photo = TestImages.Png("ổ gà trên đường Trần Phú");

        Assert.Equal(HttpStatusCode.OK, await resident.UploadAsync(photo));
        await a.WaitUntilIdleAsync();

        string upload;
        Persistence.Attachments.StoredAttachment stored;
        await using (var db = b.NewDbContext())
        {
            upload = await db.WebChatUploads.Select(u => u.Name).SingleAsync();
            stored = await db.StoredAttachments.SingleAsync(); // the intake, on whichever host, found it stored
            Assert.Equal(WebChatFiles.RefPrefix + upload, stored.SourceRef);
            Assert.Equal(stored.Id, (await db.AttachmentContents.SingleAsync()).AttachmentId);
        }

        // Host b serves what host a stored: the page's upload, the photo as the bot shows it, and on to Telegram.
        Assert.Equal(photo, await GetAsync(atB, WebChatFiles.UrlPath + upload));
        Assert.Equal(photo, await GetAsync(atB, WebChatSender.AttachmentUrlPath + stored.Name));
        var telegramAtB = b.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelNames.Telegram);
        await telegramAtB.SendAsync("7001", new OutboundMessage { PhotoRef = AttachmentStore.RefOf(stored.Id) }, CancellationToken.None);
        Assert.Equal(photo, Assert.Single(Assert.Single(cluster.Api.CallsTo("sendPhoto")).Files).Content);

        // A large photo streams from the database whole (several of Npgsql's buffers).
        var large = (byte[])[.. TestImages.Jpeg("ảnh lớn"), .. Enumerable.Range(0, 3_000_000).Select(i => (byte)(i * 31))];
        var largeRef = await a.Services.GetRequiredService<AttachmentStore>()
            .StoreAsync(ChannelNames.Telegram, "large-photo", large, "jpg", "image/jpeg", CancellationToken.None);
        var opened = await b.Services.GetRequiredService<IAttachmentStore>().OpenAsync(largeRef, CancellationToken.None);
        await using (opened!.Content)
        {
            Assert.Equal((large.LongLength, "image/jpeg"), (opened.Length, opened.ContentType));
            Assert.Equal(large, await ReadAllAsync(opened.Content));
        }

        // Neither host wrote a file.
        foreach (var host in cluster.Hosts)
        {
            var folder = host.Services.GetRequiredService<AttachmentStore>().Folder;
            Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), $"a file in {folder}");
            Assert.False(File.Exists(Path.Combine(host.Services.GetRequiredService<WebChatFiles>().Folder, upload)));
        }

        // A file that is not an image is refused at host b and nothing is stored.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await resident.UploadAsync(TestImages.NotAnImage(), via: atB));
        await using (var db = a.NewDbContext())
        {
            Assert.Equal((1, 2, 2), (await db.WebChatUploads.CountAsync(), await db.StoredAttachments.CountAsync(), await db.AttachmentContents.CountAsync()));
            var monthAgo = DateTimeOffset.UtcNow.AddDays(-30);
            await db.StoredAttachments.ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, monthAgo));
        }

        // Retention on host b removes what nothing refers to, bytes and all; host a no longer finds it.
        await using (var scope = b.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionCleanupJob>().RunAsync(CancellationToken.None);
        }

        await using (var db = a.NewDbContext())
        {
            Assert.Equal((0, 0), (await db.StoredAttachments.CountAsync(), await db.AttachmentContents.CountAsync()));
        }

        using var gone = await atA.GetAsync(new Uri(WebChatFiles.UrlPath + upload, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task<byte[]> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
