using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramSenderTests : IAsyncLifetime
{
    private const string Chat = "5551234";
    private FakeBotApi _api = null!;
    private TelegramSender _sender = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _sender = new TelegramSender(_api.CreateClient(), Options.Create(new TelegramOptions()), NoAttachments.Instance, NullLogger<TelegramSender>.Instance);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<string?> Send(OutboundMessage message) => _sender.SendAsync(Chat, message, CancellationToken.None);

    [Fact]
    public async Task Text_with_inline_buttons_is_sent_as_one_message_with_an_inline_keyboard()
    {
        var id = await Send(new OutboundMessage
        {
            Text = "Chọn loại vấn đề",
            Buttons = [[new("Đèn đường", "cat:light"), new("Rác", "cat:trash")], [new("Hủy", "cancel")]],
            ReplyToMessageId = "3",
        });

        var call = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal("1", id);
        Assert.Equal((5551234L, "Chọn loại vấn đề"), (call.Long("chat_id"), call.String("text")));
        var rows = call.Json("reply_markup")!["inline_keyboard"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal("cat:trash", (string?)rows[0]![1]!["callback_data"]);
        Assert.Equal(3, (int?)call.Json("reply_parameters")!["message_id"]);
    }

    [Fact]
    public async Task Main_menu_becomes_a_resized_reply_keyboard_of_the_labels()
    {
        await Send(new OutboundMessage { Text = "Menu", Keyboard = KeyboardKind.MainMenu, KeyboardLabels = ["Phản ánh", "Tra cứu", "Trợ giúp"] });

        var markup = Assert.Single(_api.CallsTo("sendMessage")).Json("reply_markup")!;
        Assert.True((bool?)markup["resize_keyboard"]);
        Assert.Equal(["Phản ánh", "Tra cứu", "Trợ giúp"], markup["keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => (string?)b!["text"]));
    }

    [Fact]
    public async Task Location_request_puts_a_share_location_button_before_the_labels()
    {
        await Send(new OutboundMessage { Text = "Vị trí?", Keyboard = KeyboardKind.RequestLocation, RequestLocationLabel = "📍 Gửi", KeyboardLabels = ["Bỏ qua"] });

        var rows = Assert.Single(_api.CallsTo("sendMessage")).Json("reply_markup")!["keyboard"]!.AsArray();
        Assert.Equal(("📍 Gửi", true), ((string?)rows[0]![0]!["text"], (bool?)rows[0]![0]!["request_location"]));
        Assert.Equal("Bỏ qua", (string?)rows[1]![0]!["text"]);
    }

    [Fact]
    public async Task Location_request_without_a_label_uses_the_vietnamese_default()
    {
        await Send(new OutboundMessage { Text = "Vị trí?", Keyboard = KeyboardKind.RequestLocation });

        var rows = Assert.Single(_api.CallsTo("sendMessage")).Json("reply_markup")!["keyboard"]!.AsArray();
        Assert.Equal("📍 Gửi vị trí hiện tại", (string?)rows[0]![0]!["text"]);
    }

    [Fact]
    public async Task Remove_hides_the_reply_keyboard()
    {
        await Send(new OutboundMessage { Text = "Đã nhận", Keyboard = KeyboardKind.Remove });

        Assert.True((bool?)Assert.Single(_api.CallsTo("sendMessage")).Json("reply_markup")!["remove_keyboard"]);
    }

    [Fact]
    public async Task Text_over_4096_characters_is_split_on_a_paragraph_with_buttons_on_the_last_part()
    {
        var first = new string('a', 3000);
        var second = new string('b', 2000);

        var id = await Send(new OutboundMessage { Text = first + "\n\n" + second, Buttons = [[new("OK", "ok")]] });

        var calls = _api.CallsTo("sendMessage");
        Assert.Equal([first, second], calls.Select(c => c.String("text")));
        Assert.Null(calls[0].Json("reply_markup"));
        Assert.NotNull(calls[1].Json("reply_markup"));
        Assert.Equal("2", id);
    }

    [Fact]
    public async Task Photo_from_a_path_is_uploaded_with_its_caption()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scorecard-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, new byte[2048]);
        try
        {
            await Send(new OutboundMessage { Text = "Bảng điểm tháng 5", PhotoPath = path });
        }
        finally
        {
            File.Delete(path);
        }

        var call = Assert.Single(_api.CallsTo("sendPhoto"));
        Assert.Equal("Bảng điểm tháng 5", call.String("caption"));
        var upload = Assert.Single(call.Files);
        Assert.Equal((Path.GetFileName(path), 2048L), (upload.FileName, upload.Length));
    }

    [Fact]
    public async Task Photo_with_a_long_text_is_sent_without_caption_and_followed_by_the_text()
    {
        await Send(new OutboundMessage { Text = new string('x', 1500), PhotoRef = "AgAD-file" });

        var photo = Assert.Single(_api.CallsTo("sendPhoto"));
        Assert.Equal(("AgAD-file", null), (photo.String("photo"), photo.String("caption")));
        Assert.Equal(1500, Assert.Single(_api.CallsTo("sendMessage")).String("text")!.Length);
    }

    [Fact]
    public async Task Edit_replaces_text_and_buttons_of_the_given_message()
    {
        var id = await Send(new OutboundMessage { Text = "Đã tiếp nhận", EditMessageId = "41", Buttons = [[new("Xem", "case:42")]] });

        var call = Assert.Single(_api.CallsTo("editMessageText"));
        Assert.Equal(("41", 41L, "Đã tiếp nhận"), (id, call.Long("message_id"), call.String("text")));
        Assert.NotNull(call.Json("reply_markup")!["inline_keyboard"]);
    }

    [Fact]
    public async Task Edit_that_changes_nothing_counts_as_delivered()
    {
        _api.FailNext("editMessageText", 1, FakeFailure.NotModified());

        Assert.Equal("41", await Send(new OutboundMessage { Text = "Như cũ", EditMessageId = "41" }));
    }

    [Fact]
    public async Task Too_many_requests_is_rate_limited_with_the_retry_after_from_telegram()
    {
        _api.FailNext("sendMessage", 1, FakeFailure.TooManyRequests(7));

        var ex = await Assert.ThrowsAsync<DeliveryException>(() => Send(new OutboundMessage { Text = "Chào" }));

        Assert.Equal((DeliveryFailure.RateLimited, TimeSpan.FromSeconds(7)), (ex.Kind, ex.RetryAfter));
        Assert.Single(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Server_error_is_transient()
    {
        _api.FailNext("sendMessage", 1, FakeFailure.ServerError());

        var ex = await Assert.ThrowsAsync<DeliveryException>(() => Send(new OutboundMessage { Text = "Chào" }));

        Assert.Equal(DeliveryFailure.Transient, ex.Kind);
    }

    [Fact]
    public async Task An_unknown_chat_is_permanent_but_a_blocked_bot_or_a_user_who_never_started_it_is_unreachable_for_now()
    {
        _api.FailNext("sendMessage", 1, FakeFailure.ChatNotFound());
        _api.FailNext("sendMessage", 1, FakeFailure.BotBlocked());
        _api.FailNext("sendMessage", 1, FakeBotApi.CannotInitiate);

        var missing = await Assert.ThrowsAsync<DeliveryException>(() => Send(new OutboundMessage { Text = "Chào" }));
        var blocked = await Assert.ThrowsAsync<DeliveryException>(() => Send(new OutboundMessage { Text = "Chào" }));
        var neverStarted = await Assert.ThrowsAsync<DeliveryException>(() => Send(new OutboundMessage { Text = "Chào" }));

        Assert.Equal((DeliveryFailure.Permanent, DeliveryFailure.Unreachable, DeliveryFailure.Unreachable), (missing.Kind, blocked.Kind, neverStarted.Kind));
    }

    public static TheoryData<FakeFailure> NotTheChannelsRefusal => new()
    {
        FakeFailure.Proxy(404), FakeFailure.Proxy(502), FakeFailure.Proxy(504), FakeFailure.Proxy(400), FakeFailure.Proxy(403),
        new FakeFailure(404, "Not Found"), new FakeFailure(408, "Request Timeout"), new FakeFailure(401, "Unauthorized"),
        new FakeFailure(502, "Bad Gateway"), new FakeFailure(409, "Conflict: terminated by other getUpdates request"),
    };

    [Theory]
    [MemberData(nameof(NotTheChannelsRefusal))]
    public async Task An_answer_that_does_not_refuse_this_message_is_transient(FakeFailure failure)
    {
        _api.FailNext("sendMessage", 1, failure);

        var ex = await Assert.ThrowsAsync<DeliveryException>(() => Send(new OutboundMessage { Text = "Chào" }));

        Assert.Equal(DeliveryFailure.Transient, ex.Kind);
    }

    public static TheoryData<FakeFailure> RefusedForGood => new()
    {
        new FakeFailure(403, "Forbidden: user is deactivated"), new FakeFailure(403, "Forbidden: bot was kicked from the group chat"),
        new FakeFailure(400, "Bad Request: message is too long"), new FakeFailure(400, "Bad Request: can't parse entities"),
        new FakeFailure(400, "Bad Request: message to edit not found"),
    };

    [Theory]
    [MemberData(nameof(RefusedForGood))]
    public async Task Telegram_s_own_refusal_of_the_chat_or_the_content_is_permanent(FakeFailure failure)
    {
        _api.FailNext("sendMessage", 1, failure);

        var ex = await Assert.ThrowsAsync<DeliveryException>(() => Send(new OutboundMessage { Text = "Chào" }));

        Assert.Equal(DeliveryFailure.Permanent, ex.Kind);
    }

    [Fact]
    public async Task Unreachable_api_is_transient()
    {
        var baseUrl = _api.BaseUrl;
        await _api.DisposeAsync();
        using var http = new HttpClient();
        var client = TelegramServiceCollectionExtensions.CreateClient(new TelegramOptions { BotToken = FakeBotApi.Token, ApiBaseUrl = baseUrl.ToString() }, http);
        var sender = new TelegramSender(client, Options.Create(new TelegramOptions()), NoAttachments.Instance, NullLogger<TelegramSender>.Instance);

        var ex = await Assert.ThrowsAsync<DeliveryException>(() => sender.SendAsync(Chat, new OutboundMessage { Text = "Chào" }, CancellationToken.None));

        Assert.Equal(DeliveryFailure.Transient, ex.Kind);
        _api = await FakeBotApi.StartAsync();
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_refused_before_calling_telegram()
    {
        var ex = await Assert.ThrowsAsync<DeliveryException>(() =>
            Send(new OutboundMessage { Text = "x", Buttons = [[new("Quá dài", new string('đ', 40))]] }));

        Assert.Equal(DeliveryFailure.Permanent, ex.Kind);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task Button_answer_is_sent_as_an_alert_when_asked()
    {
        await _sender.AnswerButtonAsync("cb-1", "Đã ghi nhận", showAlert: true, CancellationToken.None);

        var call = Assert.Single(_api.CallsTo("answerCallbackQuery"));
        Assert.Equal(("cb-1", "Đã ghi nhận", "true"), (call.String("callback_query_id"), call.String("text"), call.Json("show_alert")!.ToJsonString()));
    }
}
