using ResidentBot.Bot.Tests.Fakes;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.Officials;

public sealed class QueueTests
{
    [Fact]
    public async Task The_queue_lists_open_cases_by_deadline_with_overdue_first_each_with_its_card_s_buttons()
    {
        await using var bed = await StartAsync();
        var freshId = await bed.CreateCaseAsync();
        var fresh = await bed.CodeAsync(freshId);
        var old = await bed.CodeAsync(await bed.CreateCaseAsync(at: TimeProvider.System.GetUtcNow().AddDays(-30)));
        var elsewhere = await bed.CodeAsync(await bed.CreateCaseAsync(areaCode: "HD.TPHD.QUANGTRUNG"));
        await bed.CardAsync(freshId, TranPhuLeader);

        await bed.SendAsync(FakeUpdates.Command(TranPhuLeader, "/queue"));

        var header = await bed.MessageToAsync(TranPhuLeader, "quá hạn lên đầu");
        List<FakeBotApiCall> items = [];
        await WaitUntilAsync(() =>
        {
            var all = bed.Api.CallsTo("sendMessage").ToList();
            items = [.. all.Skip(all.IndexOf(header) + 1).Where(c => c.Long("chat_id") == TranPhuLeader)];
            return Task.FromResult(items.Count >= 2);
        });
        var (oldItem, freshItem) = (items[0], items[1]);
        Assert.Contains(old, oldItem.String("text"), StringComparison.Ordinal);
        Assert.Contains(fresh, freshItem.String("text"), StringComparison.Ordinal);
        var calls = bed.Api.CallsTo("sendMessage").ToList();
        Assert.Contains("quá hạn", oldItem.String("text"), StringComparison.Ordinal);
        Assert.Contains("Chiếu sáng công cộng", freshItem.String("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(calls, c => c.Long("chat_id") == TranPhuLeader && (c.String("text") ?? "").Contains(elsewhere, StringComparison.Ordinal));

        // The item's buttons are the card's: acknowledging from the queue works.
        var (messageId, _) = await bed.CardAsync(freshId, TranPhuLeader);
        var answer = await bed.PressAsync(TranPhuLeader, Data(freshItem, "o.ack"), messageId);
        Assert.Equal(Routing.Cases.CaseStatus.Acknowledged, (await bed.CaseAsync(freshId)).Status);
        Assert.Contains(fresh, answer.String("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_sees_overdue_cases_below_them_and_who_is_responsible()
    {
        await using var bed = await StartAsync();
        var overdue = await bed.CodeAsync(await bed.CreateCaseAsync(areaCode: "HD.TPHD.QUANGTRUNG", at: TimeProvider.System.GetUtcNow().AddDays(-30)));
        var onTime = await bed.CodeAsync(await bed.CreateCaseAsync());
        var otherDistrict = await bed.CodeAsync(await bed.CreateCaseAsync(areaCode: "HD.NS.NAMHONG", at: TimeProvider.System.GetUtcNow().AddDays(-30)));

        await bed.SendAsync(FakeUpdates.Command(CitySupervisor, "/overdue"));
        await bed.SendAsync(FakeUpdates.Command(TranPhuLeader, "/overdue"));

        var text = (await bed.MessageToAsync(CitySupervisor, overdue)).String("text")!;
        Assert.Contains("Chủ tịch UBND phường Quang Trung", text, StringComparison.Ordinal);
        Assert.DoesNotContain(onTime, text, StringComparison.Ordinal);
        Assert.DoesNotContain(otherDistrict, text, StringComparison.Ordinal);
        await bed.MessageToAsync(TranPhuLeader, "giám sát");
    }
}
