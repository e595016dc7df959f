using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

public sealed class ZaloBotSenderTests : IAsyncLifetime
{
    private const string Lan = "e4ea2cd5189df1c3a88c";
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3, 4];
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-02T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly InMemoryAttachmentStore _store = new();
    private FakeZaloBotApi _api = null!;
    private ZaloBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeZaloBotApi.StartAsync();
        _host = await ZaloBotHost.StartAsync(_api, services: s => s.AddSingleton<TimeProvider>(_time).AddSingleton<IAttachmentStore>(_store));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public void The_channel_declares_no_buttons_edits_replies_or_location_and_2000_characters()
    {
        var capabilities = _host.Services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelNames.ZaloBot).Capabilities;

        Assert.Equal((0, 2000, false), (capabilities.MaxButtons, capabilities.MaxTextLength, capabilities.HasButtons));
        Assert.False(capabilities.CanEditMessages || capabilities.CanReplyToMessage || capabilities.CanShareLocation || capabilities.HasMenuKeyboard);
    }

    [Fact]
    public async Task A_text_goes_out_with_sendMessage_and_the_platforms_message_id_comes_back()
    {
        var id = await _host.Sender.SendAsync(Lan, new OutboundMessage { Text = "Đã nhận phản ánh của bạn." }, default);

        var call = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal((Lan, "Đã nhận phản ánh của bạn."), (call.String("chat_id"), call.String("text")));
        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public async Task A_long_text_is_split_into_parts_the_platform_accepts_keeping_every_word()
    {
        var words = Enumerable.Range(1, 900).Select(i => $"từ{i}");
        var text = string.Join(' ', words);
        Assert.True(text.Length > 2 * 2000);

        await _host.Sender.SendAsync(Lan, new OutboundMessage { Text = text }, default);

        var parts = _api.CallsTo("sendMessage").Select(c => c.String("text")!).ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(_api.CallsTo("sendMessage"), c => Assert.True(c.Ok));
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 2000));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')));
    }

    [Fact]
    public async Task Buttons_are_left_out_and_an_edit_becomes_a_new_message()
    {
        var message = new OutboundMessage
        {
            Text = "Chọn loại vấn đề: gõ số\n1. Chiếu sáng\n2. Rác thải",
            Buttons = [[new OutboundButton("Chiếu sáng", "cat:light")]],
            Keyboard = KeyboardKind.RequestLocation,
            EditMessageId = "82599fa32f56d00e8941",
            ReplyToMessageId = "16f6366b3f02645a3d15",
        };

        await _host.Sender.SendAsync(Lan, message, default);

        var call = Assert.Single(_api.Calls, c => c.Method.StartsWith("send", StringComparison.Ordinal));
        Assert.Equal(("sendMessage", message.Text), (call.Method, call.String("text")));
        Assert.Equal(["chat_id", "text"], call.Parameters.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task A_file_we_wrote_is_sent_by_a_signed_link_to_this_host_that_serves_its_bytes_safely()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("zalobot-").FullName, "scorecard.png");
        await File.WriteAllBytesAsync(path, Png);

        await _host.Sender.SendAsync(Lan, new OutboundMessage { Text = "Bảng điểm tuần", PhotoPath = path }, default);

        var call = Assert.Single(_api.CallsTo("sendPhoto"));
        Assert.True(call.Ok);
        Assert.Equal("Bảng điểm tuần", call.String("caption"));
        var link = new Uri(call.String("photo")!);
        Assert.StartsWith(new Uri(_host.Address, "/zalobot/photos/").ToString(), link.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("scorecard", link.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Png, call.Fetched!.Content);
        Assert.Equal(("image/png", "nosniff"), (call.Fetched.ContentType, call.Fetched.NoSniff));
        Assert.Contains("sandbox", call.Fetched.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_attachment_is_served_from_its_link_and_a_residents_zalo_photo_url_is_passed_as_it_is()
    {
        var photoRef = _store.Add("case-42-1", Png);
        var zaloPhoto = _api.AddPhoto("from-lan", [0xFF, 0xD8, 0xFF, 0xE0, 9, 9]);

        await _host.Sender.SendAsync(Lan, new OutboundMessage { PhotoRef = photoRef }, default);
        await _host.Sender.SendAsync(Lan, new OutboundMessage { PhotoRef = zaloPhoto, Text = "Ảnh người dân gửi" }, default);

        var (stored, passed) = (_api.CallsTo("sendPhoto")[0], _api.CallsTo("sendPhoto")[1]);
        Assert.Equal(Png, stored.Fetched!.Content);
        Assert.Null(stored.String("caption"));
        Assert.Equal(zaloPhoto, passed.String("photo"));
    }

    [Fact]
    public async Task A_photo_link_stops_working_when_it_expires_or_is_altered()
    {
        var photoRef = _store.Add("case-7-1", Png);
        await _host.Sender.SendAsync(Lan, new OutboundMessage { PhotoRef = photoRef }, default);
        var link = new Uri(_api.CallsTo("sendPhoto")[0].String("photo")!);
        var token = link.Segments[^1];
        var altered = new Uri(link, (token[0] == 'A' ? 'B' : 'A') + token[1..]);

        using var tampered = await _host.Http.GetAsync(altered);
        using var valid = await _host.Http.GetAsync(link);
        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        using var expired = await _host.Http.GetAsync(link);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound), (tampered.StatusCode, valid.StatusCode, expired.StatusCode));
    }

    [Fact]
    public async Task A_photo_that_cannot_be_linked_leaves_its_text_to_go_alone_and_without_text_is_refused_for_good()
    {
        await _host.Sender.SendAsync(Lan, new OutboundMessage { PhotoRef = "AgACAgIAAx-telegram-file-id", Text = "Ảnh hiện trường" }, default);
        var refused = await Assert.ThrowsAsync<DeliveryException>(() =>
            _host.Sender.SendAsync(Lan, new OutboundMessage { PhotoRef = IAttachmentStore.RefPrefix + "gone" }, default));

        Assert.Equal("Ảnh hiện trường", Assert.Single(_api.CallsTo("sendMessage")).String("text"));
        Assert.Empty(_api.CallsTo("sendPhoto"));
        Assert.Equal(DeliveryFailure.Permanent, refused.Kind);
    }

    [Fact]
    public async Task A_message_with_neither_text_nor_photo_is_refused_for_good()
    {
        var refused = await Assert.ThrowsAsync<DeliveryException>(() => _host.Sender.SendAsync(Lan, new OutboundMessage { Text = "  " }, default));

        Assert.Equal(DeliveryFailure.Permanent, refused.Kind);
        Assert.DoesNotContain(_api.Calls, c => c.Method.StartsWith("send", StringComparison.Ordinal));
    }

    public static TheoryData<int, string, int?, bool, DeliveryFailure> Failures => new()
    {
        { 429, "Too Many Requests: retry after 7", 7, false, DeliveryFailure.RateLimited },
        { 403, "Forbidden: the user has not allowed the bot to message them", null, false, DeliveryFailure.Unreachable },
        { 400, "User blocked the bot", null, false, DeliveryFailure.Unreachable },
        { 400, "Bad Request: chat not found", null, false, DeliveryFailure.Permanent },
        { 500, "Internal Server Error", null, false, DeliveryFailure.Transient },
        { 401, "Unauthorized", null, false, DeliveryFailure.Transient },
        { 502, "", null, true, DeliveryFailure.Transient },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Platform_refusals_tell_the_outbox_what_to_do(int status, string description, int? retryAfter, bool proxyPage, DeliveryFailure expected)
    {
        _api.FailNext("sendMessage", 1, proxyPage ? FakeFailure.Proxy(status) : new FakeFailure(status, description, retryAfter));

        var refused = await Assert.ThrowsAsync<DeliveryException>(() => _host.Sender.SendAsync(Lan, new OutboundMessage { Text = "Xin chào" }, default));

        Assert.Equal(expected, refused.Kind);
        if (expected == DeliveryFailure.RateLimited)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), refused.RetryAfter);
        }
    }

    [Fact]
    public async Task A_platform_that_cannot_be_reached_is_a_transient_failure()
    {
        await _api.DisposeAsync();

        var refused = await Assert.ThrowsAsync<DeliveryException>(() => _host.Sender.SendAsync(Lan, new OutboundMessage { Text = "Xin chào" }, default));

        Assert.Equal(DeliveryFailure.Transient, refused.Kind);
    }
}
