using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Chase;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Chase.CaseTestSteps;

namespace ResidentBot.Bot.Tests.Conversations.Report;

public sealed class DuplicateReportTests
{
    private const long First = 5002;
    private const long Second = 5001;
    private const long Third = 5003;

    /// <summary>A street-light report by location, up to the summary's "Gửi".</summary>
    private static async Task<IReadOnlyList<Fakes.FakeBotApiCall>> ReportNearbyAsync(ResidentChat chat, double northMeters = 0)
    {
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat + (northMeters / 111_000), ResidentChat.TranPhuLon);
        await chat.TextAsync("Cột đèn trước nhà số 12 không sáng");
        await chat.PressAsync("Bỏ qua");
        return await chat.PressAsync("Gửi");
    }

    [Fact]
    public async Task A_report_near_an_open_case_of_its_category_is_offered_to_follow_and_the_follower_hears_the_updates_and_the_confirmation()
    {
        await using var host = await ChaseHost.StartAsync(settings: ResidentChat.FastOutbox());
        await ResidentScenarios.ReportStreetLightAsync(host.Host, ResidentOf(host, First));
        await using var db = host.Host.NewDbContext();
        var original = await db.Cases.AsNoTracking().SingleAsync();

        var offer = ResidentChat.Text(await ReportNearbyAsync(ResidentOf(host, Second), northMeters: 60));

        Assert.Contains("🔁 Đã có một phản ánh cùng loại cách chỗ bạn khoảng 60 m", offer, StringComparison.Ordinal);
        Assert.Contains(original.TrackingCode, offer, StringComparison.Ordinal);
        Assert.Equal(1, await db.Cases.CountAsync()); // nothing reported yet
        var follow = ResidentChat.Text(await ResidentOf(host, Second).PressAsync("Theo dõi phản ánh này"));
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Resident.Duplicate.Following", original.TrackingCode), follow, StringComparison.Ordinal);
        Assert.Equal(1, await db.Cases.CountAsync());
        var followed = await CaseWithEventsAsync(host, original.Id);
        Assert.Single(followed.Followers);
        Assert.Contains(followed.Events, e => e.Kind == CaseEventKind.InformationAdded && e.Note == "Cột đèn trước nhà số 12 không sáng");
        var leader = LeaderChat(host);
        var toLeader = await SentToAsync(host, Chat(ChaseHost.Chats[Leader]));
        Assert.Contains(toLeader, m => m.Text.Contains("Cột đèn trước nhà số 12 không sáng", StringComparison.Ordinal));
        Assert.Contains("👥 1 người dân khác", toLeader.Last(m => m.EditMessageId != null).Text, StringComparison.Ordinal);

        await leader.PressAsync("Tiếp nhận");
        await leader.PressAsync("Đã xử lý");
        await leader.TextAsync("Đã thay bóng đèn mới.");

        var toFollower = await SentToAsync(host, Chat(Second));
        Assert.Contains(toFollower, m => m.Text.Contains("Chủ tịch UBND phường Trần Phú", StringComparison.Ordinal) && m.Text.Contains(original.TrackingCode, StringComparison.Ordinal));
        Assert.Contains("Đã thay bóng đèn mới.", toFollower[^1].Text, StringComparison.Ordinal);
        var thanks = ResidentChat.Text(await ResidentOf(host, Second).PressAsync("Đã khắc phục"));
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Resident.Follower.Thanks", original.TrackingCode), thanks, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Resolved, (await host.CaseAsync(original.Id)).Status); // the reporter's verdict closes it

        // A resolved case is offered no more, nor is one farther than about 100 m; "send anyway" reports a new case next to an offered one.
        Assert.Contains("✅ Đã gửi phản ánh", ResidentChat.Text(await ReportNearbyAsync(ResidentOf(host, Third), northMeters: 150)), StringComparison.Ordinal);
        Assert.Contains("🔁", ResidentChat.Text(await ReportNearbyAsync(ResidentOf(host, Third + 1), northMeters: 170)), StringComparison.Ordinal);
        Assert.Contains("✅ Đã gửi phản ánh", ResidentChat.Text(await ResidentOf(host, Third + 1).PressAsync("Vẫn gửi phản ánh mới")), StringComparison.Ordinal);
        Assert.Equal(3, await db.Cases.CountAsync());
    }
}
