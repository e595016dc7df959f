using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.ZaloBot;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

public sealed class ZaloBotUpdateMapperTests
{
    private const string Lan = "e4ea2cd5189df1c3a88c";
    private const string ChatLink = "https://zalo.me/s/bot.PhuongTranPhu";
    private readonly ZaloBotUpdateMapper _mapper = new(Options.Create(new ZaloBotOptions { ChatLink = ChatLink }));

    [Fact]
    public void A_text_becomes_text_keyed_by_the_platforms_message_id()
    {
        var update = FakeZaloBotUpdates.Text(Lan, "Đèn đường ngõ 5 không sáng", messageId: "16f6366b3f02645a3d15");

        var message = Map(update)!;

        Assert.Equal((ChannelNames.ZaloBot, "16f6366b3f02645a3d15", "16f6366b3f02645a3d15"), (message.Channel, message.UpdateId, message.MessageId));
        Assert.Equal((Lan, Lan, ChatKind.Private), (message.ChatId, message.UserId, message.ChatKind));
        Assert.Equal((InboundKind.Text, "Đèn đường ngõ 5 không sáng"), (message.Kind, message.Text));
        Assert.Equal(FakeZaloBotUpdates.DefaultName, message.UserDisplayName);
        Assert.False(message.CanShareLocation);
    }

    [Theory]
    [InlineData("/start ABC123", "start", "ABC123")]
    [InlineData("/Report", "report", null)]
    [InlineData("/start   moi  ", "start", "moi")]
    public void A_slash_text_is_a_command_with_its_arguments(string text, string command, string? args)
    {
        var message = Map(FakeZaloBotUpdates.Text(Lan, text))!;

        Assert.Equal((InboundKind.Command, command, args), (message.Kind, message.Command, message.CommandArgs));
    }

    [Fact]
    public void An_image_becomes_a_photo_whose_file_is_its_url_and_whose_caption_is_the_text()
    {
        const string url = "https://photo-stal-1.zadn.vn/abc/photo.jpg";

        var message = Map(FakeZaloBotUpdates.Image(Lan, url, "Ổ gà trước số 12"))!;

        Assert.Equal((InboundKind.Photo, "Ổ gà trước số 12"), (message.Kind, message.Text));
        Assert.Equal(url, Assert.Single(message.Photos).FileRef);
    }

    [Fact]
    public void An_image_without_a_web_url_is_unsupported_rather_than_a_photo_nobody_can_fetch()
    {
        var update = FakeZaloBotUpdates.Image(Lan, "file:///etc/passwd");

        Assert.Equal(InboundKind.Unsupported, Map(update)!.Kind);
    }

    [Fact]
    public void Stickers_and_unsupported_messages_are_answered_as_unsupported()
    {
        Assert.Equal(InboundKind.Unsupported, Map(FakeZaloBotUpdates.Sticker(Lan))!.Kind);
        Assert.Equal(InboundKind.Unsupported, Map(FakeZaloBotUpdates.Unsupported(Lan))!.Kind);
    }

    [Fact]
    public void In_a_group_only_commands_come_through_with_the_link_to_a_private_chat()
    {
        Assert.Null(Map(FakeZaloBotUpdates.GroupText("g-77", Lan, "Mọi người ơi đèn hỏng")));

        var command = Map(FakeZaloBotUpdates.GroupText("g-77", Lan, "/report"))!;

        Assert.Equal((ChatKind.Group, "g-77", ChatLink), (command.ChatKind, command.ChatId, command.PrivateChatLink));
    }

    [Fact]
    public void An_event_without_message_id_sender_or_chat_or_from_a_bot_has_nobody_to_answer()
    {
        var noId = FakeZaloBotUpdates.Text(Lan, "x");
        noId["message"]!.AsObject().Remove("message_id");
        var noFrom = FakeZaloBotUpdates.Text(Lan, "x");
        noFrom["message"]!.AsObject().Remove("from");
        var noChat = FakeZaloBotUpdates.Text(Lan, "x");
        noChat["message"]!.AsObject().Remove("chat");
        var fromBot = FakeZaloBotUpdates.Text(Lan, "x");
        fromBot["message"]!["from"]!["is_bot"] = true;

        Assert.All(new[] { noId, noFrom, noChat, fromBot, new JsonObject { ["event_name"] = "message.text.received" } },
            update => Assert.Null(Map(update)));
    }

    [Fact]
    public void Parse_reads_the_event_flat_or_wrapped_in_an_answer()
    {
        var update = FakeZaloBotUpdates.Text(Lan, "Xin chào");
        var wrapped = new JsonObject { ["ok"] = true, ["result"] = update.DeepClone() };

        Assert.Equal("Xin chào", _mapper.Map(ZaloBotUpdateMapper.Parse(update.ToJsonString()))!.Text);
        Assert.Equal("Xin chào", _mapper.Map(ZaloBotUpdateMapper.Parse(wrapped.ToJsonString()))!.Text);
    }

    [Fact]
    public void Ids_sent_as_numbers_are_read_as_their_digits_rather_than_losing_the_message()
    {
        const string body = """
            {"event_name":"message.text.received","message":{"message_id":82599,"date":"1749632637199",
             "from":{"id":1459232241454765289,"display_name":"Lan"},"chat":{"id":1459232241454765289,"chat_type":"PRIVATE"},"text":"Xin chào"}}
            """;

        var message = _mapper.Map(ZaloBotUpdateMapper.Parse(body))!;

        Assert.Equal(("82599", "1459232241454765289", "1459232241454765289"), (message.UpdateId, message.UserId, message.ChatId));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"event_name\": [\"message.text.received\"], \"message\": {}}")]
    [InlineData("{\"message\": {\"message_id\": {\"a\": 1}}}")]
    public void Parse_refuses_what_is_not_an_event(string body) =>
        Assert.ThrowsAny<JsonException>(() => ZaloBotUpdateMapper.Parse(body));

    private InboundMessage? Map(JsonObject update) => _mapper.Map(ZaloBotUpdateMapper.Parse(update.ToJsonString()));
}
