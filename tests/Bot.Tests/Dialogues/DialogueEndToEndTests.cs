using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Dialogues;

/// <summary>
/// A whole dialogue on the real Telegram.Bot client against the fake Bot API, on fake time: announced by the ward
/// leader, residents of the ward invited, one reminded, two questions asked; one answered in time (the asker gets it),
/// one escalated after its deadline; the leaders' counts and the flag in the supervisor's digest and scorecard.
/// </summary>
public sealed class DialogueEndToEndTests
{
    private const string Topic = "Chỉnh trang hè phố Trần Phú";
    private const string Hall = "Hội trường UBND phường Trần Phú, số 1 Trần Phú";
    private const string LeaderTitle = "Chủ tịch UBND phường Trần Phú";

    [Fact]
    public async Task A_dialogue_is_announced_residents_ask_one_answer_arrives_in_time_and_the_other_question_escalates()
    {
        await using var host = await DialogueHost.StartAsync(new Dictionary<string, string?> { ["Dialogues:FlagAfter"] = "03-01" });
        await host.Chase.ReportAsync(residentChat: 5001);
        await host.Chase.ReportAsync(residentChat: 5002);
        await host.Chase.ReportAsync(area: "HD.TPHD.QUANGTRUNG", residentChat: 5003);
        var leader = host.As(DialogueHost.Leader);
        var lan = host.As(5001);
        var binh = host.As(5002);

        // The ward leader announces: the ward has no area below it, so it is invited whole.
        Assert.Equal(Texts.Get(Texts.Vietnamese, "Dialogue.List.None"), ResidentChat.Text(await leader.CommandAsync("/doithoai")));
        Assert.Contains(LeaderTitle, ResidentChat.Text(await leader.PressAsync("Thông báo buổi đối thoại mới")), StringComparison.Ordinal);
        await leader.TextAsync(Topic);
        Assert.Contains("ngày/tháng/năm", ResidentChat.Text(await leader.TextAsync("ngày mai")), StringComparison.Ordinal);
        await leader.TextAsync("06/03/2026 08:00");
        var summary = ResidentChat.Text(await leader.TextAsync(Hall));
        Assert.Contains("08:00 06/03/2026 – 10:00 06/03/2026", summary, StringComparison.Ordinal);
        var done = ResidentChat.Text(await leader.PressAsync("Thông báo"));
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Announce.Done", Topic, "08:00 06/03/2026", 2), done, StringComparison.Ordinal);

        // Residents who reported in the ward are invited on Telegram, with a notice kind for channels with windows; others are not.
        var invite = Texts.Format(Texts.Vietnamese, "Dialogue.Invite", LeaderTitle, "Phường Trần Phú", Topic, "08:00 06/03/2026", Hall);
        Assert.Contains(invite, host.TextsTo(5001));
        Assert.Contains(invite, host.TextsTo(5002));
        Assert.DoesNotContain(host.TextsTo(5003), t => t.Contains(Topic, StringComparison.Ordinal));
        Assert.All((await host.OutboxAsync()).Where(m => DialogueHost.Read(m) == invite), m => Assert.Contains("\"notice\":\"dialogue-invite\"", m.Payload, StringComparison.Ordinal));

        // Lan subscribes and asks the leader; Bình asks about construction, which the ward's specialist answers for.
        var subscribed = (await lan.PressAsync("Nhắc tôi")).Last(c => c.Method == "answerCallbackQuery");
        Assert.Equal(Texts.Get(Texts.Vietnamese, "Dialogue.Subscribe.Done.Short"), subscribed.String("text"));
        await lan.PressAsync("Gửi câu hỏi");
        await lan.PressAsync("Gửi " + LeaderTitle);
        var lanAsked = ResidentChat.Text(await lan.TextAsync("Khi nào phường lát lại vỉa hè trước số 12 Trần Phú?"));
        Assert.Contains("Chủ tịch UBND phường Trần Phú có trách nhiệm trả lời bạn trước 10:00 13/03/2026", lanAsked, StringComparison.Ordinal);
        await binh.PressAsync("Gửi câu hỏi");
        await binh.PressAsync("Trật tự xây dựng");
        await binh.TextAsync("Công trình ở ngõ 5 lấn chiếm vỉa hè, bao giờ xử lý?");
        var questions = await host.QuestionsAsync();
        Assert.Equal(2, questions.Count);
        Assert.Contains(host.TextsTo(DialogueHost.Leader), t => t.StartsWith($"❓ Câu hỏi số {questions[0].Id}", StringComparison.Ordinal) && t.Contains("số 12 Trần Phú", StringComparison.Ordinal));
        Assert.Contains(host.TextsTo(DialogueHost.Specialist), t => t.StartsWith($"❓ Câu hỏi số {questions[1].Id}", StringComparison.Ordinal) && t.Contains("Lĩnh vực: Trật tự xây dựng", StringComparison.Ordinal));

        // The day before, the subscriber is reminded; Bình did not subscribe.
        host.At(3, 5, 8);
        await host.SweepAsync();
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Reminder", Topic, "08:00 06/03/2026", Hall, LeaderTitle), host.TextsTo(5001));
        Assert.DoesNotContain(host.TextsTo(5002), t => t.StartsWith("🔔", StringComparison.Ordinal));

        // After the dialogue, questions are closed; the weekly scorecard counts the dialogue held.
        host.At(3, 6, 11);
        var late = (await lan.PressAsync("Gửi câu hỏi")).Last(c => c.Method == "answerCallbackQuery");
        Assert.Equal(Texts.Get(Texts.Vietnamese, "Dialogue.Ended"), late.String("text"));
        await host.ScorecardAsync();
        var scorecard = host.TextsTo(DialogueHost.CitySupervisor).Last(t => t.StartsWith("📈", StringComparison.Ordinal));
        Assert.Contains("• Chủ tịch UBND phường Trần Phú: 1/1", scorecard, StringComparison.Ordinal);

        // The leader answers Lan in time: she gets the answer, the card shows it and loses its button.
        host.At(3, 9, 9);
        await leader.PressAsync("Trả lời");
        var sent = ResidentChat.Text(await leader.TextAsync("Quý II năm nay phường sẽ lát lại toàn bộ vỉa hè phố Trần Phú."));
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Answer.Sent", questions[0].Id), sent, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Answer.ToResident", LeaderTitle, Topic,
            "Khi nào phường lát lại vỉa hè trước số 12 Trần Phú?", "Quý II năm nay phường sẽ lát lại toàn bộ vỉa hè phố Trần Phú."), host.TextsTo(5001));
        var edit = host.Api.CallsTo("editMessageText").Last(c => c.Long("chat_id") == DialogueHost.Leader);
        Assert.Contains("✅ Đã trả lời lúc 09:00 09/03/2026", edit.String("text"), StringComparison.Ordinal);
        Assert.Null(edit.Json("reply_markup")?["inline_keyboard"]?.AsArray().FirstOrDefault());

        // Bình's question is reminded at 90% of the window, then escalated to the city supervisor at its deadline.
        host.At(3, 12, 15, 45);
        await host.SweepAsync();
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Chase.Reminder", questions[1].Id, Topic, "10:00 13/03/2026", 90), host.TextsTo(DialogueHost.Specialist));
        host.At(3, 13, 10);
        await host.SweepAsync();
        await host.SweepAsync(); // a second sweep at the same instant repeats nothing
        var escalation = Assert.Single(host.TextsTo(DialogueHost.CitySupervisor), t => t.StartsWith("⚠️", StringComparison.Ordinal) && t.Contains("câu hỏi số", StringComparison.Ordinal));
        Assert.StartsWith($"⚠️ Đôn đốc cấp 1: câu hỏi số {questions[1].Id} của người dân", escalation, StringComparison.Ordinal);
        Assert.Contains("Công chức Địa chính - Xây dựng phường Trần Phú", escalation, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Resident.Escalated", questions[1].Id, Topic, "Ủy viên Ban Thường vụ Thành ủy phụ trách địa bàn"), host.TextsTo(5002));
        Assert.DoesNotContain(host.TextsTo(5001), t => t.StartsWith("Câu hỏi số", StringComparison.Ordinal));
        var after = await host.QuestionsAsync();
        Assert.Equal((0, 1), (after[0].EscalationLevel, after[1].EscalationLevel));
        Assert.Null(after[0].NextChaseAt);

        // The supervisor's digest counts each ward leader's dialogues and flags those behind after the flag date.
        await host.DigestAsync();
        var digest = host.TextsTo(DialogueHost.CitySupervisor).Last(t => t.StartsWith("📊", StringComparison.Ordinal));
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Counts.Header", 2026), digest, StringComparison.Ordinal);
        Assert.Contains("• Chủ tịch UBND phường Trần Phú: 1/1\n", digest, StringComparison.Ordinal);
        Assert.Contains("• Chủ tịch UBND phường Quang Trung: 0/1 ⚠️ chưa đạt số buổi tối thiểu (mốc 01/03)", digest, StringComparison.Ordinal);

        // Residents read the summary: both questions, the answer given and the one still owed.
        await lan.CommandAsync("/doithoai");
        var read = ResidentChat.Text(await lan.PressAsync("Tổng kết (1)"));
        Assert.Contains("2 câu hỏi, 1 đã được trả lời.", read, StringComparison.Ordinal);
        Assert.Contains("💬 Chủ tịch UBND phường Trần Phú: Quý II năm nay", read, StringComparison.Ordinal);
        Assert.Contains("⏳ Công chức Địa chính - Xây dựng phường Trần Phú trả lời trước 10:00 13/03/2026", read, StringComparison.Ordinal);
    }
}
