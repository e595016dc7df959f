using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

/// <summary>The real host (Program.cs, real inbox and outbox on SQLite) with the Zalo bot channel on, against the fake platform.</summary>
public sealed partial class ZaloBotReportTests
{
    private const string Lan = "e4ea2cd5189df1c3a88c";
    private const string Leader = "9a8b7c6d5e4f3a2b1c0d";

    [Fact]
    public async Task A_message_delivered_to_the_webhook_twice_is_answered_on_the_zalo_bot_once()
    {
        await using var zalo = await FakeZaloBotApi.StartAsync();
        var settings = ZaloBotChat.Settings(zalo);
        settings["ZaloBot:WebhookUrl"] = ZaloBotHost.PublicWebhookUrl;
        await using var host = await BotTestHost.StartAsync(settings);
        using var http = host.CreateClient();
        await zalo.WaitForCallsAsync("setWebhook", 1);
        var update = FakeZaloBotUpdates.Text(Lan, "/start");

        using var first = await zalo.DeliverAsync(update, http);
        await ZaloBotChat.WaitHandledAsync(host, FakeZaloBotUpdates.MessageId(update));
        var replies = zalo.CallsTo("sendMessage").Count;
        using var again = await zalo.DeliverAsync(update, http);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.True(replies > 0);
        Assert.All(zalo.CallsTo("sendMessage"), c => Assert.Equal(Lan, c.String("chat_id")));
        await using var db = host.NewDbContext();
        Assert.Equal(1, await db.InboxEntries.CountAsync(e => e.Channel == ChannelNames.ZaloBot));
        Assert.Equal(replies, await db.OutboxMessages.CountAsync(m => m.Channel == ChannelNames.ZaloBot));
        Assert.Equal(replies, zalo.CallsTo("sendMessage").Count);
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task A_sticker_sent_while_polling_gets_the_answer_for_messages_the_bot_cannot_read()
    {
        await using var zalo = await FakeZaloBotApi.StartAsync();
        await using var host = await BotTestHost.StartAsync(ZaloBotChat.Settings(zalo));
        var chat = new ZaloBotChat(host, zalo, Lan);

        var reply = await chat.SendAsync(FakeZaloBotUpdates.Sticker(Lan));

        Assert.Equal(Texts.Get(Texts.Vietnamese, "Common.Unsupported"), Assert.Single(reply).String("text"));
    }

    /// <summary>Done-when of issue 11 §4: the whole report by typed numbers and a typed place, an official invited on Telegram's admin chat.</summary>
    [Fact]
    public async Task A_residents_whole_report_with_numbered_choices_is_answered_by_an_official_on_the_zalo_bot()
    {
        await using var zalo = await FakeZaloBotApi.StartAsync();
        var settings = ZaloBotChat.Settings(zalo);
        settings["Admin:TelegramUserIds:0"] = "7003";
        await using var host = await BotTestHost.StartAsync(settings);
        await ResidentChat.OnboardOfficialAsync(host, "HD.TPHD.UVBTV", 7003);

        // The administrator invites the ward leader, who opens the Zalo bot and sends /start with the code.
        var admin = new ResidentChat(host, 7003);
        var invite = ResidentChat.Text(await admin.CommandAsync($"/invite {ResidentChat.TranPhuLeader}"));
        var code = InviteCode().Match(invite).Value;
        var leader = new ZaloBotChat(host, zalo, Leader);
        Assert.Contains("Chủ tịch UBND phường Trần Phú", ZaloBotChat.Text(await leader.TextAsync($"/start {code}")), StringComparison.Ordinal);

        // The resident reports by typed numbers and a typed place, with a photo from Zalo.
        var resident = new ZaloBotChat(host, zalo, Lan);
        var categories = ZaloBotChat.Text(await resident.TextAsync("/phananh"));
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.AskCategory"), categories, StringComparison.Ordinal);
        var where = ZaloBotChat.Text(await resident.ChooseAsync("Chiếu sáng"));
        Assert.Contains("Bước 2/4", where, StringComparison.Ordinal);
        Assert.Contains("Phường Trần Phú", ZaloBotChat.Text(await resident.TextAsync("phường Trần Phú")), StringComparison.Ordinal);
        await resident.TextAsync(ResidentScenarios.Description);
        var photo = zalo.AddPhoto("den-hong", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        await resident.PhotoAsync(photo, "Cột đèn số 7");
        var summary = ZaloBotChat.Text(await resident.ChooseAsync("Xong"));
        Assert.Contains("Kiểm tra lại phản ánh", summary, StringComparison.Ordinal);
        var submitted = await resident.ChooseAsync("Gửi");

        await using (var db = host.NewDbContext())
        {
            var @case = await db.Cases.Include(c => c.Area).SingleAsync();
            Assert.Equal(("HD.TPHD.TRANPHU", ResidentScenarios.Description), (@case.Area!.Code, @case.Description));
            Assert.Contains(submitted, c => c.String("chat_id") == Lan && c.String("text")!.Contains(@case.TrackingCode, StringComparison.Ordinal));
            Assert.Contains(submitted, c => c.String("chat_id") == Leader && (c.String("text") ?? c.String("caption"))!.Contains(@case.TrackingCode, StringComparison.Ordinal));
        }

        // The leader acknowledges by number; the resident hears it on the Zalo bot.
        var acknowledged = await leader.ChooseAsync("Tiếp nhận");

        await using var after = host.NewDbContext();
        var done = await after.Cases.SingleAsync();
        Assert.Equal(CaseStatus.Acknowledged, done.Status);
        Assert.Contains(acknowledged, c => c.String("chat_id") == Lan && c.String("text")!.Contains(done.TrackingCode, StringComparison.Ordinal));
        Assert.DoesNotContain(zalo.Calls, c => c.Method.StartsWith("send", StringComparison.Ordinal) && !c.Ok);
    }

    [GeneratedRegex("inv_[A-Za-z0-9_-]+")]
    private static partial Regex InviteCode();
}
