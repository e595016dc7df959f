using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Conversations.AddInformation;

public sealed class AddInformationTests
{
    private const long Lan = 7201;
    private const long LeaderChat = 9201;

    [Fact]
    public async Task Text_and_photos_added_to_an_open_case_are_logged_and_forwarded_to_the_official()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        await ResidentChat.OnboardOfficialAsync(host, ResidentChat.TranPhuLeader, LeaderChat);
        var chat = new ResidentChat(host, Lan);
        var @case = await ResidentScenarios.ReportStreetLightAsync(host, chat);
        await chat.CommandAsync("/status");

        await chat.PressAsync("➕ Bổ sung");
        var text = await chat.TextAsync("Tối nay cả dãy đèn đều tắt");
        var photo = await chat.PhotoAsync("dark-street");
        var done = await chat.PressAsync("Xong");

        Assert.Contains(text, c => c.Long("chat_id") == LeaderChat && c.String("text")!.Contains("cả dãy đèn", StringComparison.Ordinal));
        Assert.Contains(photo, c => c.Long("chat_id") == LeaderChat && c.Method == "sendPhoto");
        Assert.Contains("Cảm ơn", ResidentChat.Text(done), StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        var saved = await db.Cases.Include(c => c.Events).Include(c => c.Attachments).SingleAsync(c => c.Id == @case.Id);
        Assert.Equal(2, saved.Events.Count(e => e.Kind == CaseEventKind.InformationAdded));
        Assert.Contains(saved.Events, e => e.Note == "Tối nay cả dãy đèn đều tắt");
        var stored = await db.StoredAttachments.SingleAsync(a => a.SourceRef == "dark-street-large");
        Assert.Contains(saved.Attachments, a => a.FileRef == "attachment:" + stored.Id);
        Assert.Null(await db.ConversationStates.Where(c => c.ChatId == "7201").Select(c => c.Flow).SingleAsync());
    }

    [Fact]
    public async Task Replying_to_the_bots_message_about_a_case_adds_to_that_case()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        var @case = await ResidentScenarios.ReportStreetLightAsync(host, chat);
        string submittedMessageId;
        await using (var db = host.NewDbContext())
        {
            submittedMessageId = await db.OutboxMessages.Where(m => m.Recipient == "7201" && m.Tag == $"case:{@case.Id}")
                .Select(m => m.ExternalMessageId!).FirstAsync();
        }

        var reply = await chat.SendAsync(FakeUpdates.Update(0, "message", FakeUpdates.Message(Lan, 50, m =>
        {
            m["text"] = "Cột đèn số 3 còn bị nghiêng";
            m["reply_to_message"] = FakeUpdates.Message(FakeBotApi.BotId, int.Parse(submittedMessageId, System.Globalization.CultureInfo.InvariantCulture),
                r => { r["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Lan, ["type"] = "private", ["first_name"] = "Lan" }; r["text"] = "x"; });
        })));

        Assert.Contains(@case.TrackingCode, ResidentChat.Text(reply), StringComparison.Ordinal);
        await using var after = host.NewDbContext();
        Assert.Contains(await after.CaseEvents.Where(e => e.CaseId == @case.Id).ToListAsync(),
            e => e.Kind == CaseEventKind.InformationAdded && e.Note == "Cột đèn số 3 còn bị nghiêng");
    }
}
