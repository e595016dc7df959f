using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Dialogues;

public sealed class ReplyToQuestionCardTests
{
    [Fact]
    public async Task The_leader_answers_by_replying_to_the_question_card_and_the_asker_gets_it()
    {
        await using var host = await DialogueHost.StartAsync();
        await host.Chase.ReportAsync(residentChat: 5001);
        var leader = host.As(DialogueHost.Leader);
        await leader.CommandAsync("/doithoai");
        await leader.PressAsync("Thông báo buổi đối thoại mới");
        await leader.TextAsync("An ninh trật tự khu phố");
        await leader.TextAsync("06/03/2026 19:30");
        await leader.TextAsync("Nhà văn hóa khu 3");
        await leader.PressAsync("Thông báo");
        var lan = host.As(5001);
        await lan.PressAsync("Gửi câu hỏi");
        await lan.PressAsync("Gửi Chủ tịch UBND phường Trần Phú");
        await lan.TextAsync("Đề nghị lắp thêm camera ở ngõ 7.");
        var question = (await host.QuestionsAsync()).Single();
        await using var db = host.Chase.Host.NewDbContext();
        var card = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Tag == $"dialogue-question:{question.Id}:card" && m.ExternalMessageId != null).Select(m => m.ExternalMessageId!).SingleAsync();

        var sent = await leader.SendAsync(FakeUpdates.Update(0, "message", FakeUpdates.Message(DialogueHost.Leader, 950, m =>
        {
            m["text"] = "Tháng 4 phường sẽ lắp hai camera ở ngõ 7.";
            m["reply_to_message"] = FakeUpdates.Message(FakeBotApi.BotId, int.Parse(card, CultureInfo.InvariantCulture), r => r["text"] = "❓");
        })));

        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Answer.Sent", question.Id), ResidentChat.Text(sent), StringComparison.Ordinal);
        Assert.Contains(host.TextsTo(5001), t => t.StartsWith("💬 Chủ tịch UBND phường Trần Phú trả lời", StringComparison.Ordinal)
            && t.EndsWith("Tháng 4 phường sẽ lắp hai camera ở ngõ 7.", StringComparison.Ordinal));
        Assert.True((await host.QuestionsAsync()).Single().IsAnswered);
    }
}
