using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.People;

/// <summary>An official bound by the directory's telegramUserId who never opened the bot: rõ người even so.</summary>
public sealed class UnreachableOfficialTests
{
    [Fact]
    public async Task An_official_who_never_started_the_bot_is_escalated_at_once_with_the_reason_and_after_start_acknowledges_on_a_live_card()
    {
        await using var bed = await OfficialsHarness.StartAsync();
        bed.Api.NeverStarted(TranPhuLeader);

        var caseId = await bed.CreateCaseAsync();
        var code = await bed.CodeAsync(caseId);

        // Telegram refuses the first message: the card waits (not Failed) and the leader counts as unreachable.
        var card = await bed.Host.WaitForAsync(
            (db, ct) => db.OutboxMessages.AsNoTracking().Where(m => m.Tag!.StartsWith($"case:{caseId}:card:")).ToListAsync(ct),
            rows => rows.Count == 1 && rows[0].Status == OutboxStatus.Waiting);
        Assert.Contains("can't initiate conversation", card[0].LastError, StringComparison.Ordinal);
        Assert.Contains(bed.Api.Calls, c => c.Method == "sendMessage" && c.Long("chat_id") == TranPhuLeader && c.StatusCode == 403);
        var identity = await bed.Host.WaitForAsync((db, ct) => db.OfficialIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == Chat(TranPhuLeader), ct),
            i => i.UnreachableSince is not null);
        Assert.Contains("can't initiate conversation", identity.UnreachableReason, StringComparison.Ordinal);

        // A missed acknowledgement: the next supervisor hears it at once, with the reason.
        await SweepAsync(bed);
        var escalation = await bed.MessageToAsync(CitySupervisor, "chưa liên lạc được với");
        Assert.Contains(code, escalation.String("text"), StringComparison.Ordinal);
        Assert.Contains("Chủ tịch UBND phường Trần Phú", escalation.String("text"), StringComparison.Ordinal);
        var escalated = await bed.CaseAsync(caseId);
        Assert.Equal(1, escalated.EscalationLevel);
        Assert.Equal(TranPhuLeaderCode, (await OfficialCodeAsync(bed, escalated.AccountableOfficialId)));

        // The leader opens the bot: one line says what waited, then the card arrives fresh, with buttons that work.
        await bed.SendAsync(FakeUpdates.Command(TranPhuLeader, "/start"));
        await bed.MessageToAsync(TranPhuLeader, "Bạn có 1 cập nhật mới");
        var (messageId, fresh) = await bed.CardAsync(caseId, TranPhuLeader);
        Assert.Contains(code, fresh.String("text"), StringComparison.Ordinal);
        await bed.PressAsync(TranPhuLeader, Data(fresh, OfficialActions.Acknowledge), messageId);

        Assert.Equal(CaseStatus.Acknowledged, (await bed.CaseAsync(caseId)).Status);
        await using var db = bed.Host.NewDbContext();
        Assert.Equal(OutboxStatus.Superseded, (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == card[0].Id)).Status);
        Assert.Null((await db.OfficialIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == Chat(TranPhuLeader))).UnreachableSince);
    }

    private static async Task SweepAsync(OfficialsHarness bed)
    {
        using var scope = bed.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ChaseSweepJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<string> OfficialCodeAsync(OfficialsHarness bed, int? id)
    {
        await using var db = bed.Host.NewDbContext();
        return await db.Officials.Where(o => o.Id == id).Select(o => o.Code).SingleAsync();
    }
}
