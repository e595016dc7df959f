using System.Text.Json.Nodes;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Zalo;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

/// <summary>Zalo events as Zalo writes them, read into the one inbound shape.</summary>
public sealed class ZaloEventMapperTests
{
    private const string Oa = "579745863508352884";
    private readonly ZaloEventMapper _mapper = new(Oa);

    private static JsonObject Event(string name, JsonObject? message = null, string sender = "4001") => new()
    {
        ["app_id"] = "1",
        ["event_name"] = name,
        ["timestamp"] = "1733100000000",
        ["sender"] = new JsonObject { ["id"] = sender },
        ["recipient"] = new JsonObject { ["id"] = Oa },
        ["message"] = message,
    };

    [Fact]
    public void A_tapped_button_comes_back_as_a_press_carrying_the_signed_data()
    {
        var payload = ZaloButtonPayload.Of(new OutboundButton("Chiếu sáng công cộng", "r.cat:lighting:AbCdEf_-1234"));

        var message = _mapper.Map(Event("user_send_text", new JsonObject { ["text"] = payload, ["msg_id"] = "m1" }))!;

        Assert.Equal((InboundKind.ButtonPress, "r.cat:lighting:AbCdEf_-1234", "4001|m1"), (message.Kind, message.CallbackData, message.CallbackId));
        Assert.Equal(("m1", "4001", "4001"), (message.UpdateId, message.ChatId, message.UserId));
    }

    [Theory]
    [InlineData("Đèn hỏng #1: rất tối", InboundKind.Text)]
    [InlineData("/start inv_abc123", InboundKind.Command)]
    [InlineData("   ", InboundKind.Unsupported)]
    public void Typed_text_is_text_or_a_command(string text, InboundKind kind)
    {
        var message = _mapper.Map(Event("user_send_text", new JsonObject { ["text"] = text, ["msg_id"] = "m2" }))!;

        Assert.Equal(kind, message.Kind);
        if (kind == InboundKind.Command)
        {
            Assert.Equal(("start", "inv_abc123"), (message.Command, message.CommandArgs));
        }
    }

    [Fact]
    public void Coordinates_written_as_strings_are_a_location_and_out_of_range_ones_are_not()
    {
        JsonObject Location(string lat, string lon) => new()
        {
            ["msg_id"] = "m3",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "location",
                ["payload"] = new JsonObject { ["coordinates"] = new JsonObject { ["latitude"] = lat, ["longitude"] = lon } },
            }),
        };

        Assert.Equal(new GeoPoint(20.96, 106.3), _mapper.Map(Event("user_send_location", Location("20.96", "106.3")))!.Location);
        Assert.Equal(InboundKind.Unsupported, _mapper.Map(Event("user_send_location", Location("200", "x")))!.Kind);
    }

    [Fact]
    public void An_image_sent_as_a_file_is_a_photo_and_another_file_is_not()
    {
        JsonObject File(string name) => new()
        {
            ["msg_id"] = "m4",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "file",
                ["payload"] = new JsonObject { ["url"] = "https://f.zalo.me/x", ["name"] = name, ["size"] = "2048" },
            }),
        };

        var photo = _mapper.Map(Event("user_send_file", File("anh.PNG")))!;
        Assert.Equal((InboundKind.Photo, new InboundFile("https://f.zalo.me/x", 2048, "image/png")), (photo.Kind, Assert.Single(photo.Photos)));
        Assert.Equal(InboundKind.Unsupported, _mapper.Map(Event("user_send_file", File("don.pdf")))!.Kind);
    }

    [Fact]
    public void Submitted_details_are_the_persons_own_contact()
    {
        var evt = Event("user_submit_info");
        evt["info"] = new JsonObject { ["name"] = "Nguyễn Thị Lan", ["phone"] = "84912345678" };

        var message = _mapper.Map(evt)!;

        Assert.Equal((InboundKind.Contact, "84912345678", "Nguyễn Thị Lan"), (message.Kind, message.ContactPhone, message.UserDisplayName));
    }

    [Fact]
    public void Follow_starts_and_unfollow_is_noted_each_with_an_id_derived_from_the_event()
    {
        JsonObject Follow(string name) => new()
        {
            ["event_name"] = name, ["timestamp"] = "1733100000001", ["oa_id"] = Oa, ["follower"] = new JsonObject { ["id"] = "4001" },
        };

        var follow = _mapper.Map(Follow("follow"))!;
        var unfollow = _mapper.Map(Follow("unfollow"))!;

        Assert.Equal((InboundKind.Command, "start", "follow:4001:1733100000001"), (follow.Kind, follow.Command, follow.UpdateId));
        Assert.Equal((ZaloEventMapper.UnfollowCommand, "unfollow:4001:1733100000001"), (unfollow.Command, unfollow.UpdateId));
    }

    [Theory]
    [InlineData("oa_send_text", "4001")]
    [InlineData("user_send_text", Oa)]
    [InlineData("user_seen_message", "4001")]
    public void The_oas_own_messages_and_receipts_have_nobody_to_answer(string name, string sender)
    {
        Assert.Null(_mapper.Map(Event(name, new JsonObject { ["text"] = "x", ["msg_id"] = "m5" }, sender)));
    }

    [Fact]
    public void Fields_of_the_wrong_type_make_an_unsupported_message_or_nothing_never_an_error()
    {
        var odd = Event("user_send_image", new JsonObject { ["msg_id"] = 42, ["attachments"] = "not a list" });
        var noSender = Event("user_send_text");
        noSender["sender"] = new JsonArray(1, 2);

        Assert.Equal((InboundKind.Unsupported, "42"), (_mapper.Map(odd)!.Kind, _mapper.Map(odd)!.UpdateId));
        Assert.Null(_mapper.Map(noSender));
    }

    [Fact]
    public void The_signature_is_a_plain_sha256_of_app_id_body_timestamp_and_secret_with_or_without_its_prefix()
    {
        var signature = new ZaloSignature("app", "secret");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("app{}17secret"u8));

        Assert.True(signature.Matches("mac=" + expected, "{}", "17"));
        Assert.True(signature.Matches(expected.ToUpperInvariant(), "{}", "17"));
        Assert.False(signature.Matches("mac=" + expected, "{ }", "17"));
        Assert.False(signature.Matches(string.Empty, "{}", "17"));
    }
}
