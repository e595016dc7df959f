using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Fakes.Zalo;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

/// <summary>POST /zalo/webhook on the real host: signatures, redeliveries, echoes and bodies that are not events.</summary>
public sealed class ZaloWebhookTests : IAsyncLifetime
{
    private const string User = "7001234567";
    private FakeZalo _zalo = null!;
    private ZaloTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _zalo = await FakeZalo.StartAsync();
        _host = await ZaloTestHost.StartAsync(_zalo);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _zalo.DisposeAsync();
    }

    [Theory]
    [InlineData("mac=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_signature_is_refused_and_nothing_is_stored(string? signature)
    {
        var status = await _zalo.DeliverAsync(_zalo.TextEvent(User, "Cây đổ chắn đường"), signature);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task A_signature_of_another_body_is_refused()
    {
        var signed = _zalo.TextEvent(User, "Cây đổ chắn đường");
        var forged = signed.DeepClone().AsObject();
        forged["sender"]!["id"] = "someone-else";

        var status = await _zalo.DeliverAsync(forged, FakeZalo.Sign(signed.ToJsonString(), (string)signed["timestamp"]!));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task A_signature_without_the_mac_prefix_is_accepted()
    {
        var evt = _zalo.TextEvent(User, "/start");
        var signature = FakeZalo.Sign(evt.ToJsonString(), (string)evt["timestamp"]!)["mac=".Length..];

        Assert.Equal(HttpStatusCode.OK, await _zalo.DeliverAsync(evt, signature));
        Assert.Equal(1, await InboxCountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_event_gets_a_clear_refusal_and_nothing_is_stored()
    {
        var status = await _zalo.DeliverAsync(new JsonObject { ["timestamp"] = "1" }, body: "{not json");
        using var http = new HttpClient();
        using var response = await http.PostAsync(_zalo.WebhookUrl, new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json")
        {
            Headers = { { FakeZalo.SignatureHeader, FakeZalo.Sign("[1,2]", string.Empty) } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Not a Zalo event", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_as_too_large()
    {
        var status = await _zalo.DeliverAsync(_zalo.TextEvent(User, new string('a', 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task The_same_msg_id_twice_is_handled_once_and_a_redelivered_follow_too()
    {
        var text = _zalo.TextEvent(User, "/start");
        var follow = _zalo.FollowEvent(User);
        var first = await _host.SendAsync(User, text);
        var followed = await _host.SendAsync(User, follow);

        Assert.Equal(HttpStatusCode.OK, await _zalo.DeliverAsync(text));
        Assert.Equal(HttpStatusCode.OK, await _zalo.DeliverAsync(follow));
        var afterRedeliveries = _zalo.MessagesTo(User).Count;
        await _host.TextAsync(User, "/help");

        Assert.NotEmpty(first);
        Assert.NotEmpty(followed);
        Assert.Equal(first.Count + followed.Count, afterRedeliveries);
        Assert.Equal(3, await InboxCountAsync());
    }

    [Fact]
    public async Task The_oas_own_messages_echoed_back_are_acknowledged_and_ignored()
    {
        var replies = await _host.TextAsync(User, "/start");
        await _zalo.EchoesDeliveredAsync();
        var fromOa = _zalo.TextEvent(FakeZalo.OaId, "Tin nhắn của chính trang");

        Assert.Equal(HttpStatusCode.OK, await _zalo.DeliverAsync(fromOa));
        Assert.NotEmpty(replies);
        Assert.Equal(replies.Count, _zalo.EchoAnswers.Count);
        Assert.All(_zalo.EchoAnswers, answer => Assert.Equal(HttpStatusCode.OK, answer));
        Assert.Equal(1, await InboxCountAsync());
    }

    [Fact]
    public async Task A_signed_event_we_cannot_read_is_answered_with_help_not_lost()
    {
        var sticker = _zalo.TextEvent(User, "x");
        sticker["event_name"] = "user_send_sticker";
        sticker["message"]!["attachments"] = new JsonArray(new JsonObject { ["type"] = "sticker", ["payload"] = new JsonObject { ["id"] = "s1" } });
        var nameless = new JsonObject { ["app_id"] = FakeZalo.AppId, ["timestamp"] = "1700000000000", ["weird"] = new JsonArray(1, 2) };

        var answered = await _host.SendAsync(User, sticker);
        Assert.Equal(HttpStatusCode.OK, await _zalo.DeliverAsync(nameless));

        Assert.Contains("chưa hiểu loại tin nhắn này", ZaloTestHost.Texts(answered), StringComparison.Ordinal);
        await using var db = _host.NewDbContext();
        Assert.Equal(InboundKind.Unsupported, ResidentBot.Bot.Inbox.InboxPayload.Read(await db.InboxEntries.SingleAsync()).Kind);
    }

    private async Task<int> InboxCountAsync()
    {
        await using var db = _host.NewDbContext();
        return await db.InboxEntries.CountAsync(e => e.Channel == ChannelNames.Zalo);
    }
}
