using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Chase;
using ResidentBot.Bot.Dialogues.Chase;
using ResidentBot.Bot.Tests.Chase;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Tests.Cluster;

/// <summary>Two hosts chasing dialogue questions at once: a question one sweep holds is skipped by the other, not waited for or sent twice.</summary>
public sealed class DialogueChaseAcrossHostsTests
{
    [SkippableFact]
    public async Task A_question_another_host_is_chasing_is_skipped_and_its_escalation_is_sent_once()
    {
        Providers.SkipUnlessPostgresAvailable();
        var time = new FakeTimeProvider(ChaseHost.Monday);
        await using var cluster = await ClusterHosts.StartAsync(2, new Dictionary<string, string?>
        {
            ["Outbox:Channels:telegram:PerChatInterval"] = "00:00:00",
            ["Outbox:Channels:telegram:MessagesPerSecond"] = "0",
            ["Chase:SweepCron"] = "0 0 1 1 *", // the test runs the steps itself
        }, time);
        await ResidentChat.OnboardOfficialAsync(cluster.Hosts[0], ResidentChat.TranPhuLeader, 9001);
        var now = time.GetUtcNow();
        long questionId;
        string above;
        await using (var db = cluster.Hosts[0].NewDbContext())
        {
            var leader = await db.Officials.SingleAsync(o => o.Code == ResidentChat.TranPhuLeader);
            var ward = await db.Areas.SingleAsync(a => a.Code == "HD.TPHD.TRANPHU");
            // The official the question escalates to, on Telegram, so the escalation is a message in the outbox.
            var engine = await cluster.Hosts[0].Services.GetRequiredService<Bot.Cases.CurrentRouting>().GetAsync(CancellationToken.None);
            above = engine.Escalation.For(ward.Id, leader.Id, now)[0].Official.Code;
            var resident = new Resident { DisplayName = "Trần Văn Bình", CreatedAt = now.AddDays(-3) };
            db.Residents.Add(resident);
            var dialogue = Dialogue.Announce(new NewDialogue(leader.Id, ward.Id, ward.Id, "Chiếu sáng ngõ xóm", "Nhà văn hoá khu 3",
                now.AddHours(-3), TimeSpan.FromHours(2), leader.Id), now.AddDays(-2));
            db.Add(dialogue);
            await db.SaveChangesAsync();
            // Asked during the dialogue, the answer due an hour ago: the chase escalates it at once.
            var question = DialogueQuestion.Ask(dialogue, resident.Id, "Khi nào sửa đèn đường ngõ 12 Trần Phú?",
                new QuestionAssignment(leader.Id, ward.Id, null, now.AddHours(-1)), now.AddHours(-2));
            db.Add(question);
            await db.SaveChangesAsync();
            questionId = question.Id;
            await db.Set<DialogueQuestion>().Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.NextChaseAt, now.AddMinutes(-1)));
        }

        await ResidentChat.OnboardOfficialAsync(cluster.Hosts[0], above, 9002);

        // Another host's sweep holds the question's row.
        await using (var holder = cluster.Hosts[1].NewDbContext())
        await using (var held = await holder.Database.BeginTransactionAsync())
        {
            await holder.Set<DialogueQuestion>().FromSql($"""SELECT * FROM "DialogueQuestions" WHERE "Id" = {questionId} FOR UPDATE""").ToListAsync();

            // Skipped, not waited for: without the claim this sweep's update would wait for the holder's commit.
            Assert.Equal(0, await RunStepAsync(cluster.Hosts[0]).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, await ChaseMessagesAsync(cluster, questionId));
            await held.RollbackAsync();
        }

        var runs = await Task.WhenAll(cluster.Hosts.Select(RunStepAsync));
        var after = await Task.WhenAll(cluster.Hosts.Select(RunStepAsync)); // the chase time has moved on

        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, after.Sum());
        Assert.Equal(1, await ChaseMessagesAsync(cluster, questionId, "dq-escalate:"));
        await using var check = cluster.Hosts[1].NewDbContext();
        var chased = await check.Set<DialogueQuestion>().AsNoTracking().SingleAsync(q => q.Id == questionId);
        Assert.Equal(1, chased.EscalationLevel);
        Assert.True(chased.NextChaseAt > now);
    }

    private static async Task<int> RunStepAsync(Infrastructure.BotTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetServices<IChaseStep>().OfType<DialogueChaseStep>().Single().RunAsync(CancellationToken.None);
    }

    private static async Task<int> ChaseMessagesAsync(ClusterHosts cluster, long questionId, string prefix = "dq-")
    {
        await using var db = cluster.Hosts[0].NewDbContext();
        var keys = await db.OutboxMessages.AsNoTracking().Where(m => m.DedupKey != null && m.DedupKey.StartsWith(prefix)).Select(m => m.DedupKey!).ToListAsync();
        return keys.Count(k => k.Contains($":{questionId}:", StringComparison.Ordinal));
    }
}
