using ResidentBot.Bot.Tests.Fakes;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.Officials;

public sealed class QueueTests
{
    [Fact]
    public async Task The_queue_lists_open_cases_by_deadline_with_overdue_first()
    {
        await using var bed = await StartAsync();
        var fresh = await bed.CodeAsync(await bed.CreateCaseAsync());
        var old = await bed.CodeAsync(await bed.CreateCaseAsync(at: TimeProvider.System.GetUtcNow().AddDays(-30)));
        var elsewhere = await bed.CodeAsync(await bed.CreateCaseAsync(areaCode: "HD.TPHD.QUANGTRUNG"));

        await bed.SendAsync(FakeUpdates.Command(TranPhuLeader, "/queue"));

        var text = (await bed.MessageToAsync(TranPhuLeader, "quá hạn lên đầu")).String("text")!;
        Assert.True(text.IndexOf(old, StringComparison.Ordinal) < text.IndexOf(fresh, StringComparison.Ordinal), text);
        Assert.DoesNotContain(elsewhere, text, StringComparison.Ordinal);
        Assert.Contains("quá hạn", text[text.IndexOf(old, StringComparison.Ordinal)..text.IndexOf(fresh, StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("Chiếu sáng công cộng", text, StringComparison.Ordinal);
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
