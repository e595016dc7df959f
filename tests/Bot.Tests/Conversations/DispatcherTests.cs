using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Tests.Conversations;

public sealed class DispatcherTests
{
    private const long Resident = 5001;

    [Fact]
    public async Task Unknown_text_gets_help_in_vietnamese_through_the_outbox()
    {
        await using var host = await BotTestHost.StartAsync();

        host.Api.EnqueueUpdate(FakeUpdates.Text(Resident, "xin chào", updateId: 10));
        var sent = await host.Api.WaitForCallsAsync("sendMessage", 1);

        Assert.Equal(Resident, sent[0].Long("chat_id"));
        Assert.Contains("/phananh", sent[0].String("text"), StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        var entry = await db.InboxEntries.SingleAsync();
        Assert.Equal(InboxStatus.Handled, entry.Status);
    }

    [Fact]
    public async Task A_sticker_gets_a_clear_answer_instead_of_an_error()
    {
        await using var host = await BotTestHost.StartAsync();

        host.Api.EnqueueUpdate(FakeUpdates.Sticker(Resident, updateId: 11));
        var sent = await host.Api.WaitForCallsAsync("sendMessage", 1);

        Assert.Contains("chưa hiểu", sent[0].String("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_button_press_is_refused_with_an_alert_and_changes_nothing()
    {
        await using var host = await BotTestHost.StartAsync();
        int before;
        await using (var db = host.NewDbContext())
        {
            before = await db.Cases.CountAsync();
        }

        host.Api.EnqueueUpdate(FakeUpdates.Callback(Resident, "o.ack:1:AAAAAAAAAAAA", updateId: 12));
        var answers = await host.Api.WaitForCallsAsync("answerCallbackQuery", 1);

        Assert.Equal("true", answers[0].String("show_alert"), ignoreCase: true);
        await using var after = host.NewDbContext();
        Assert.Equal(before, await after.Cases.CountAsync());
        Assert.Empty(await after.OutboxMessages.ToListAsync());
    }
}
