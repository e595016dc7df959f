using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Zalo;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes.Zalo;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

/// <summary>Photos from wherever they are kept, and what Zalo's refusals do to a message.</summary>
public sealed class ZaloDeliveryTests : IAsyncLifetime
{
    private const string User = "5001234567";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 9, 8, 7, 6, 5];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2];
    private FakeZalo _zalo = null!;
    private ZaloTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _zalo = await FakeZalo.StartAsync();
        _host = await ZaloTestHost.StartAsync(_zalo, services: s => s.AddSingleton<IAttachmentStore>(new OneAttachment("attachment:7", Jpeg)));
        _zalo.EchoSends = false;
        await _host.SendAsync(User, _zalo.FollowEvent(User));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _zalo.DisposeAsync();
    }

    [Fact]
    public async Task A_stored_attachment_and_a_file_we_wrote_are_uploaded_and_sent_by_attachment_id()
    {
        var chart = Path.Combine(_host.Folder, "chart.png");
        await File.WriteAllBytesAsync(chart, Png);

        await DeliveredAsync(new OutboundMessage { PhotoRef = "attachment:7" });
        await DeliveredAsync(new OutboundMessage { PhotoPath = chart, Text = "Bảng điểm tuần này" });

        var images = _zalo.MessagesTo(User).Where(m => m.AttachmentId is not null).ToList();
        Assert.Equal([Jpeg, Png], images.Select(m => _zalo.Uploaded(m.AttachmentId!)));
        Assert.Contains(_zalo.MessagesTo(User), m => m.Text == "Bảng điểm tuần này");
    }

    [Fact]
    public async Task A_photo_zalo_cannot_show_leaves_a_marker_instead_of_failing_the_message()
    {
        await DeliveredAsync(new OutboundMessage { PhotoRef = "AgACAgIAAxkBAAIB-telegram-file-id" });

        Assert.Equal("[📷]", _zalo.MessagesTo(User)[^1].Text);
        Assert.Empty(_zalo.CallsTo(FakeZalo.UploadPath));
    }

    [Fact]
    public async Task A_bad_parameter_fails_the_message_for_good_and_a_proxys_error_is_retried()
    {
        _zalo.FailNext(FakeZalo.MessagePath, 1, -201);
        var refused = await WriteAsync(new OutboundMessage { Text = "Tin bị từ chối" });
        var failed = await _host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == refused, ct), m => m.Status != OutboxStatus.Pending);

        _zalo.FailNext(FakeZalo.MessagePath, 1, 0, httpStatus: 502);
        var delivered = await DeliveredAsync(new OutboundMessage { Text = "Tin gửi lại" });

        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("-201", failed.LastError, StringComparison.Ordinal);
        Assert.True(delivered.Attempts >= 2);
        Assert.Equal("Tin gửi lại", _zalo.MessagesTo(User)[^1].Text);
    }

    [Fact]
    public async Task A_forged_button_is_refused_with_a_message_that_says_so()
    {
        await _host.TextAsync(User, "Chiếu sáng công cộng #r.cat:lighting:AAAAAAAAAAAA");

        await _zalo.WaitForAsync(calls => calls.Any(c => c.Recipient == User && c.Text?.Contains("không hợp lệ", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_file_over_the_cap_is_not_downloaded()
    {
        var files = _host.Services.GetServices<IChannelFiles>().Single(f => f.Channel == ChannelNames.Zalo);
        var url = _zalo.AddFile(new byte[2048]).ToString();
        using var copy = new MemoryStream();

        Assert.Equal(2048, await files.DownloadAsync(new InboundFile(url, null), copy, 4096, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidDataException>(() => files.DownloadAsync(new InboundFile(url, null), new MemoryStream(), 1000, CancellationToken.None));
    }

    [Theory]
    [InlineData(-230, DeliveryFailure.Unreachable)]
    [InlineData(-232, DeliveryFailure.Unreachable)]
    [InlineData(-213, DeliveryFailure.Unreachable)]
    [InlineData(-32, DeliveryFailure.RateLimited)]
    [InlineData(-201, DeliveryFailure.Permanent)]
    [InlineData(-216, DeliveryFailure.Transient)]
    [InlineData(-999, DeliveryFailure.Transient)]
    public void Zalos_error_codes_tell_the_outbox_what_to_do(int error, DeliveryFailure kind)
    {
        var delivery = ZaloErrors.Classify(new ZaloApiException(error, "x"));

        Assert.Equal(kind, delivery.Kind);
        Assert.Equal(kind == DeliveryFailure.RateLimited ? ZaloErrors.RateLimitPause : null, delivery.RetryAfter);
    }

    private async Task<OutboxMessage> DeliveredAsync(OutboundMessage message)
    {
        var id = await WriteAsync(message);
        return await _host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct), m => m.Status == OutboxStatus.Sent);
    }

    private async Task<long> WriteAsync(OutboundMessage message)
    {
        OutboxMessage row;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            row = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(ChannelNames.Zalo, User, message);
            await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().SaveChangesAsync();
        }

        _host.Services.GetRequiredService<OutboxSignal>().Notify();
        return row.Id;
    }

    private sealed class OneAttachment(string photoRef, byte[] content) : IAttachmentStore
    {
        public Task<AttachmentContent?> OpenAsync(string photoRef1, CancellationToken cancellationToken) =>
            Task.FromResult(photoRef1 == photoRef ? new AttachmentContent(new MemoryStream(content), "image/jpeg", content.Length, "photo.jpg") : null);

        public Task<string?> CopyOnAsync(string photoRef, string channel, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task RememberCopyAsync(string photoRef, string channel, string? channelRef, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
