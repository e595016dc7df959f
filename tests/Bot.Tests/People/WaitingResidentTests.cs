using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.People;

/// <summary>A resident who blocked the bot: updates wait, in order, and all arrive on their next message.</summary>
public sealed class WaitingResidentTests
{
    private const long Lan = OfficialsHarness.Resident;

    [Fact]
    public async Task Updates_for_a_resident_the_channel_cannot_reach_wait_and_arrive_in_order_after_one_line_on_their_next_message()
    {
        await using var bed = await OfficialsHarness.StartAsync();
        var caseId = await bed.CreateCaseAsync();
        bed.Api.FailNextTo(Chat(Lan), 1, FakeFailure.BotBlocked());

        await NotifyAsync(bed, caseId, "marker-first");
        await bed.Host.WaitForAsync((db, ct) => db.ResidentIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == Chat(Lan), ct),
            i => i.UnreachableSince is not null);
        await NotifyAsync(bed, caseId, "marker-second");

        var waiting = await bed.Host.WaitForAsync(
            (db, ct) => db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains("marker-")).OrderBy(m => m.Id).ToListAsync(ct),
            rows => rows.Count == 2 && rows.All(r => r.Status == OutboxStatus.Waiting));
        Assert.Equal(0, waiting[1].Attempts); // never tried: no channel reaches the resident, so it waits from the start
        Assert.Single(bed.Api.CallsTo("sendMessage"), c => (c.String("text") ?? "").Contains("marker-", StringComparison.Ordinal));

        await bed.SendAsync(FakeUpdates.Text(Lan, "Cho tôi hỏi tình hình"));

        var header = await bed.MessageToAsync(Lan, "Bạn có 2 cập nhật mới");
        var second = await bed.MessageToAsync(Lan, "marker-second");
        var calls = bed.Api.CallsTo("sendMessage").Where(c => c.StatusCode == 200).ToList();
        var first = calls.Single(c => (c.String("text") ?? "").Contains("marker-first", StringComparison.Ordinal));
        Assert.True(calls.IndexOf(header) < calls.IndexOf(first) && calls.IndexOf(first) < calls.IndexOf(second));
        await using var check = bed.Host.NewDbContext();
        Assert.All(await check.OutboxMessages.AsNoTracking().Where(m => m.Id == waiting[0].Id || m.Id == waiting[1].Id).ToListAsync(),
            r => Assert.Equal(OutboxStatus.Superseded, r.Status));
    }

    private static async Task NotifyAsync(OfficialsHarness bed, long caseId, string marker)
    {
        using (var scope = bed.Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            await scope.ServiceProvider.GetRequiredService<ResidentNotifier>().NotifyAsync(@case, "Chase.Resident.Escalated", [@case.TrackingCode, marker], CancellationToken.None);
            await db.SaveChangesAsync();
        }

        bed.Host.Services.GetRequiredService<OutboxSignal>().Notify();
    }
}
