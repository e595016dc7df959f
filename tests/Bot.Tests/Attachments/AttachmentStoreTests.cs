using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Retention;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Attachments;

public sealed class AttachmentStoreTests
{
    [Fact]
    public async Task Telegram_uploads_a_stored_photo_once_then_sends_it_by_the_file_id_it_got_back()
    {
        await using var host = await BotTestHost.StartAsync();
        var png = TestImages.Png("ảnh hiện trường");
        var photo = await host.Services.GetRequiredService<AttachmentStore>()
            .StoreAsync(ChannelNames.WebChat, "webchat:x", png, "png", "image/png", CancellationToken.None);
        var telegram = host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelNames.Telegram);

        await telegram.SendAsync("7001", new OutboundMessage { PhotoRef = photo }, CancellationToken.None);
        await telegram.SendAsync("7002", new OutboundMessage { PhotoRef = photo, Text = "ảnh" }, CancellationToken.None);

        var calls = host.Api.CallsTo("sendPhoto");
        Assert.Equal(png, Assert.Single(calls[0].Files).Content);
        Assert.Empty(calls[1].Files);
        Assert.Equal("sent-large", calls[1].String("photo"));
    }

    [Fact]
    public async Task A_stored_photo_that_is_gone_is_refused_for_good_rather_than_retried()
    {
        await using var host = await BotTestHost.StartAsync();
        var telegram = host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelNames.Telegram);

        var refused = await Assert.ThrowsAsync<DeliveryException>(() =>
            telegram.SendAsync("7001", new OutboundMessage { PhotoRef = "attachment:999" }, CancellationToken.None));

        Assert.Equal(DeliveryFailure.Permanent, refused.Kind);
        Assert.Empty(host.Api.CallsTo("sendPhoto"));
    }

    [Fact]
    public async Task Retention_removes_old_photos_nothing_refers_to_and_keeps_the_photos_of_cases()
    {
        // Files on disk are asserted: the folder store, also when the suite runs on PostgreSQL (whose default is the database).
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>(ResidentChat.FastOutbox()) { ["Attachments:Store"] = "Folder" });
        var chat = new ResidentChat(host, 5001);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(ResidentScenarios.Description);
        await chat.PhotoAsync("kept");
        await chat.PressAsync("Xong");
        await chat.PressAsync("Gửi");
        await chat.PhotoAsync("stray"); // outside any report: stored, attached to nothing
        var store = host.Services.GetRequiredService<AttachmentStore>();
        await using (var db = host.NewDbContext())
        {
            Assert.Equal(2, await db.StoredAttachments.CountAsync());
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
        Assert.Equal("attachment:" + left.Id, (await after.CaseAttachments.SingleAsync()).FileRef);
        Assert.Single(Directory.GetFiles(store.Folder));
        await using var content = (await store.OpenAsync("attachment:" + left.Id, CancellationToken.None))!.Content;
        Assert.Equal(TestImages.Jpeg("kept"), await ReadAllAsync(content));
    }

    [Fact]
    public void Images_are_told_by_their_first_bytes_not_by_their_name()
    {
        Assert.Equal("image/jpeg", ImageKind.Sniff(TestImages.Jpeg("x"))?.ContentType);
        Assert.Equal("image/png", ImageKind.Sniff(TestImages.Png("x"))?.ContentType);
        Assert.Equal("image/webp", ImageKind.Sniff("RIFF\0\0\0\0WEBPVP8 "u8)?.ContentType);
        Assert.Null(ImageKind.Sniff(TestImages.NotAnImage()));
        Assert.Null(ImageKind.Sniff([0xFF, 0xD8]));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
