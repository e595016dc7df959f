using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Chase.CaseTestSteps;

namespace ResidentBot.Bot.Tests.Chase;

public sealed class WaitingForResidentTests
{
    private const string Question = "Đèn hỏng ở cột số mấy? Nhờ bạn gửi ảnh cột đèn.";

    [Fact]
    public async Task A_question_from_the_card_pauses_the_case_and_the_residents_answer_resumes_it_with_the_time_that_was_left()
    {
        await using var host = await ChaseHost.StartAsync(settings: ResidentChat.FastOutbox());
        var id = await host.ReportAsync();
        await SendCardAsync(host, id);
        var before = await host.CaseAsync(id);
        var leader = LeaderChat(host);

        var ask = await leader.PressAsync("Cần bổ sung thông tin");
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Official.AskResident.Ask", before.TrackingCode), ResidentChat.Text(ask), StringComparison.Ordinal);
        await leader.TextAsync(Question);

        var waiting = await host.CaseAsync(id);
        Assert.Equal((CaseStatus.WaitingForResident, Question, (DateTimeOffset?)host.Time.GetUtcNow()), (waiting.Status, waiting.ResidentQuestion, waiting.PausedAt));
        Assert.Equal(host.Time.GetUtcNow().AddDays(3), waiting.NextChaseAt); // only the resident's reminder is scheduled
        var asked = (await SentToAsync(host, Chat(ChaseHost.ResidentChat)))[^1];
        Assert.Contains(Question, asked.Text, StringComparison.Ordinal);
        Assert.Contains(asked.Buttons.SelectMany(r => r), b => b.Label.Contains("Bổ sung", StringComparison.Ordinal));
        var card = (await SentToAsync(host, Chat(ChaseHost.Chats[Leader])))[^2];
        Assert.Contains("· chờ người dân bổ sung thông tin", card.Text, StringComparison.Ordinal);
        Assert.Contains($"«{Question}»", card.Text, StringComparison.Ordinal);

        // A whole working day later the resident answers: the deadline moves by exactly the working day it waited.
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await host.SweepAsync());
        var resident = ResidentOf(host);
        await resident.PressAsync("Bổ sung");
        var answered = await resident.TextAsync("Cột số 14, trước nhà số 12 ngõ 5.");

        var resumed = await CaseWithEventsAsync(host, id);
        Assert.Equal(CaseStatus.Acknowledged, resumed.Status);
        Assert.Equal(before.ResolveDueAt!.Value.AddDays(1), resumed.ResolveDueAt);
        Assert.Equal(TimeSpan.FromDays(1), resumed.PausedFor);
        Assert.Equal([CaseEventKind.InformationRequested, CaseEventKind.InformationAdded, CaseEventKind.Resumed], resumed.Events.Skip(2).Select(e => e.Kind));
        Assert.Contains("Cảm ơn bạn! Cán bộ tiếp tục xử lý", ResidentChat.Text(answered), StringComparison.Ordinal);
        var toLeader = await SentToAsync(host, Chat(ChaseHost.Chats[Leader]));
        Assert.Contains(toLeader, m => m.Text.Contains("Cột số 14", StringComparison.Ordinal));
        Assert.Contains(toLeader, m => m.Text.StartsWith("▶️", StringComparison.Ordinal) && m.Text.Contains("1 ngày", StringComparison.Ordinal));
        Assert.Contains("⏸ Đã tạm dừng chờ người dân: 1 ngày", toLeader.Last(m => m.EditMessageId != null).Text, StringComparison.Ordinal);

        var status = ResidentChat.Text(await resident.CommandAsync($"/status {before.TrackingCode}"));
        Assert.Contains($"đề nghị bạn bổ sung thông tin: {Question}", status, StringComparison.Ordinal);
        Assert.Contains("Tiếp tục xử lý sau thời gian chờ bổ sung thông tin", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_left_unanswered_reminds_the_resident_once_at_the_configured_time_then_closes_the_case_saying_why()
    {
        var settings = ResidentChat.FastOutbox();
        settings["Cases:WaitingReminderAfter"] = "1.00:00:00";
        settings["Cases:WaitingCloseAfter"] = "2.00:00:00";
        await using var host = await ChaseHost.StartAsync(settings: settings);
        var id = await host.ReportAsync();
        await SendCardAsync(host, id);
        var leader = LeaderChat(host);
        await leader.PressAsync("Cần bổ sung thông tin");
        await leader.TextAsync(Question);
        var askedAt = host.Time.GetUtcNow();

        await host.StepAsync(id);
        Assert.Equal(askedAt.AddDays(1), host.Time.GetUtcNow());
        var reminder = (await SentToAsync(host, Chat(ChaseHost.ResidentChat)))[^1];
        Assert.StartsWith("🔔", reminder.Text, StringComparison.Ordinal);
        Assert.Contains(Question, reminder.Text, StringComparison.Ordinal);
        Assert.Contains(reminder.Buttons.SelectMany(r => r), b => b.Label.Contains("Bổ sung", StringComparison.Ordinal));
        Assert.Equal(0, await host.SweepAsync()); // a second sweep at the same instant sends nothing more

        await host.StepAsync(id);
        var closed = await CaseWithEventsAsync(host, id);
        Assert.Equal(askedAt.AddDays(2), host.Time.GetUtcNow());
        Assert.Equal((CaseStatus.Closed, (DateTimeOffset?)null), (closed.Status, closed.NextChaseAt));
        Assert.Equal(TimeSpan.FromDays(2), closed.PausedFor);
        Assert.Contains("did not answer the request for information within 2 days", closed.Events[^1].Note, StringComparison.Ordinal);
        Assert.Single(closed.Events, e => e.Kind == CaseEventKind.ResidentReminded);
        var code = closed.TrackingCode;
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Chase.Resident.WaitingClosed", code, "2 ngày"), (await SentToAsync(host, Chat(ChaseHost.ResidentChat)))[^1].Text);
        Assert.Contains(await SentToAsync(host, Chat(ChaseHost.Chats[Leader])),
            m => m.Text == Texts.Format(Texts.Vietnamese, "Chase.Official.WaitingClosed", code, "2 ngày"));

        // Paused time is not the official's: nothing was escalated or reminded to them while the case waited.
        Assert.Empty(await SentToAsync(host, Chat(ChaseHost.Chats["HD.TPHD.UVBTV"])));
        Assert.DoesNotContain(await SentToAsync(host, Chat(ChaseHost.Chats[Leader])), m => m.Text.StartsWith("⏰", StringComparison.Ordinal));
    }
}
