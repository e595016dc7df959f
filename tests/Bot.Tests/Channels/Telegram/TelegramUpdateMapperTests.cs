using System.Text.Json;
using System.Text.Json.Nodes;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramUpdateMapperTests
{
    private const long Lan = 5551234;
    private readonly TelegramUpdateMapper _mapper = new(new TelegramBotIdentity("ResidentBot"));

    private InboundMessage? Map(JsonObject json) => _mapper.Map(JsonSerializer.Deserialize<Update>(json.ToJsonString(), JsonBotAPI.Options));

    [Fact]
    public void Text_message_maps_chat_user_message_id_and_language()
    {
        var message = Map(FakeUpdates.Text(Lan, "Đèn đường hỏng", messageId: 12, updateId: 77))!;

        Assert.Equal(("telegram", "77", "5551234", "5551234", "12"), (message.Channel, message.UpdateId, message.ChatId, message.UserId, message.MessageId));
        Assert.Equal(InboundKind.Text, message.Kind);
        Assert.Equal("Đèn đường hỏng", message.Text);
        Assert.Equal("Lan Nguyễn", message.UserDisplayName);
        Assert.Equal("vi", message.LanguageCode);
    }

    [Theory]
    [InlineData("/start@ResidentBot abc-123", "start", "abc-123")]
    [InlineData("/START@residentbot", "start", null)]
    [InlineData("/report   phường Bến Nghé  ", "report", "phường Bến Nghé")]
    public void Command_addressed_to_us_loses_slash_and_bot_name(string text, string command, string? args)
    {
        var message = Map(FakeUpdates.Command(Lan, text))!;

        Assert.Equal(InboundKind.Command, message.Kind);
        Assert.Equal(command, message.Command);
        Assert.Equal(args, message.CommandArgs);
    }

    [Fact]
    public void Command_addressed_to_another_bot_is_unsupported()
    {
        var message = Map(FakeUpdates.Command(Lan, "/start@OtherBot"))!;

        Assert.Equal(InboundKind.Unsupported, message.Kind);
        Assert.Null(message.Command);
    }

    [Fact]
    public void Any_bot_name_is_stripped_while_our_username_is_unknown()
    {
        var mapper = new TelegramUpdateMapper(new TelegramBotIdentity());
        var update = JsonSerializer.Deserialize<Update>(FakeUpdates.Command(Lan, "/help@WhoeverBot").ToJsonString(), JsonBotAPI.Options);

        Assert.Equal("help", mapper.Map(update)!.Command);
    }

    [Fact]
    public void A_slash_that_is_not_a_command_stays_text()
    {
        Assert.Equal(InboundKind.Text, Map(FakeUpdates.Text(Lan, "/ 3 ngày rồi chưa dọn rác"))!.Kind);
    }

    [Fact]
    public void Location_maps_to_a_geo_point()
    {
        var message = Map(FakeUpdates.Location(Lan, 10.7769, 106.7009))!;

        Assert.Equal(InboundKind.Location, message.Kind);
        Assert.Equal(new GeoPoint(10.7769, 106.7009), message.Location);
    }

    [Fact]
    public void Photo_keeps_only_the_largest_size_and_its_caption()
    {
        var message = Map(FakeUpdates.Photo(Lan, "ph", caption: "Rác ở hẻm 12"))!;

        Assert.Equal(InboundKind.Photo, message.Kind);
        Assert.Equal("Rác ở hẻm 12", message.Text);
        var photo = Assert.Single(message.Photos);
        Assert.Equal(("ph-large", 98_000L), (photo.FileRef, photo.SizeBytes));
    }

    [Fact]
    public void Own_contact_gives_the_phone_but_a_forwarded_contact_does_not()
    {
        var own = FakeUpdates.Update(1, "message", FakeUpdates.Message(Lan, 3, m =>
            m["contact"] = new JsonObject { ["phone_number"] = "+84901234567", ["first_name"] = "Lan", ["user_id"] = Lan }));
        var other = FakeUpdates.Update(2, "message", FakeUpdates.Message(Lan, 4, m =>
            m["contact"] = new JsonObject { ["phone_number"] = "+84909999999", ["first_name"] = "Hùng", ["user_id"] = 42 }));

        Assert.Equal((InboundKind.Contact, "+84901234567"), (Map(own)!.Kind, Map(own)!.ContactPhone));
        Assert.Equal((InboundKind.Unsupported, null), (Map(other)!.Kind, Map(other)!.ContactPhone));
    }

    [Fact]
    public void Reply_carries_the_id_of_the_message_replied_to()
    {
        var json = FakeUpdates.Update(1, "message", FakeUpdates.Message(Lan, 20, m =>
        {
            m["text"] = "Vẫn chưa sửa";
            m["reply_to_message"] = FakeUpdates.Message(FakeBotApi.BotId, 15, r => r["text"] = "Mã HCM-0042");
        }));

        Assert.Equal("15", Map(json)!.ReplyToMessageId);
    }

    [Fact]
    public void Callback_press_maps_to_a_button_press_from_the_pressing_user()
    {
        var message = Map(FakeUpdates.Callback(Lan, "cat:lighting", messageId: 9, callbackId: "cb-42"))!;

        Assert.Equal(InboundKind.ButtonPress, message.Kind);
        Assert.Equal(("cb-42", "cat:lighting"), (message.CallbackId, message.CallbackData));
        Assert.Equal(("5551234", "5551234", "9"), (message.ChatId, message.UserId, message.MessageId));
    }

    [Fact]
    public void Sticker_and_edited_message_are_unsupported_but_answerable()
    {
        var edited = FakeUpdates.Update(5, "edited_message", FakeUpdates.Message(Lan, 3, m => m["text"] = "sửa lại"));

        Assert.Equal((InboundKind.Unsupported, "5551234"), (Map(FakeUpdates.Sticker(Lan))!.Kind, Map(FakeUpdates.Sticker(Lan))!.ChatId));
        Assert.Equal(InboundKind.Unsupported, Map(edited)!.Kind);
    }

    [Fact]
    public void Update_without_a_chat_maps_to_nothing()
    {
        Assert.Null(Map(new JsonObject { ["update_id"] = 9 }));
        Assert.Null(_mapper.Map(null));
        Assert.Null(_mapper.Map(new Update()));
    }
}
