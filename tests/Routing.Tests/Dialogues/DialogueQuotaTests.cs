using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Escalation;
using ResidentBot.Routing.Officials;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Dialogues;

public sealed class DialogueQuotaTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly MonthDay July = new(7, 1);

    private static (ResidentBot.Routing.Directory.DirectorySnapshot Directory, Official Ward, Official Other, Official City) Build()
    {
        var d = new TestDirectory();
        var city = d.Area("C", "Thành phố", AreaLevel.District);
        var ward = d.Area("C.W", "Phường Trần Phú", AreaLevel.Ward, city);
        var other = d.Area("C.Q", "Phường Quang Trung", AreaLevel.Ward, city);
        var free = d.Area("C.F", "Phường Tự Do", AreaLevel.Ward, city);
        ward.DialoguesPerYear = 2;
        other.DialoguesPerYear = 3;
        var wardLeader = d.Holder("Chủ tịch Trần Phú", ward, PostKind.Leader);
        var otherLeader = d.Holder("Chủ tịch Quang Trung", other, PostKind.Leader);
        d.Holder("Chủ tịch Tự Do", free, PostKind.Leader);
        d.Holder("Phó Chủ tịch Trần Phú", ward, PostKind.Deputy);
        var cityLeader = d.Holder("Chủ tịch thành phố", city, PostKind.Leader);
        return (d.Build(), wardLeader, otherLeader, cityLeader);
    }

    [Fact]
    public void Each_leader_with_a_minimum_counts_the_dialogues_held_this_year_for_their_area()
    {
        var (directory, ward, other, _) = Build();
        HeldDialogue[] dialogues =
        [
            new(ward.Id, 2, Vn(2025, 12, 31, 23)),      // last year (local time)
            new(ward.Id, 2, Vn(2026, 1, 1, 0, 30)),     // this year
            new(ward.Id, 2, Vn(2026, 6, 20, 8)),        // not held yet on 10 June
            new(ward.Id, 1, Vn(2026, 3, 1, 8)),         // for another post's area
        ];

        var lines = DialogueQuota.For(directory, SupervisorScope.Below(directory, new HashSet<int> { 1 }), dialogues, Vn(2026, 6, 10, 9), Zone, July);

        Assert.Equal(["Phường Quang Trung", "Phường Trần Phú"], lines.Select(l => l.Area.Name));
        var tranPhu = lines.Single(l => l.Leader.Id == ward.Id);
        Assert.Equal((1, 2, false), (tranPhu.Held, tranPhu.Minimum, tranPhu.Flagged));
        Assert.Equal((0, 3), (lines.Single(l => l.Leader.Id == other.Id).Held, lines.Single(l => l.Leader.Id == other.Id).Minimum));
    }

    [Fact]
    public void A_leader_below_the_minimum_is_flagged_from_the_flag_date_on_and_not_once_they_reach_it()
    {
        var (directory, ward, _, _) = Build();
        HeldDialogue[] one = [new(ward.Id, 2, Vn(2026, 3, 1, 8))];
        HeldDialogue[] two = [.. one, new(ward.Id, 2, Vn(2026, 6, 1, 8))];
        var areas = new HashSet<int> { 2 };

        Assert.False(DialogueQuota.For(directory, areas, one, Vn(2026, 6, 30, 23, 59), Zone, July).Single().Flagged);
        Assert.True(DialogueQuota.For(directory, areas, one, Vn(2026, 7, 1, 0, 1), Zone, July).Single().Flagged);
        Assert.False(DialogueQuota.For(directory, areas, two, Vn(2026, 7, 1, 0, 1), Zone, July).Single().Flagged);
    }

    [Fact]
    public void Only_current_leader_posts_may_announce()
    {
        var (directory, ward, _, city) = Build();

        Assert.Equal([2], DialogueQuota.LeaderPosts(directory, ward.Id, Vn(2026, 3, 1, 8)).Select(p => p.AreaId));
        Assert.Equal([1], DialogueQuota.LeaderPosts(directory, city.Id, Vn(2026, 3, 1, 8)).Select(p => p.AreaId));
        Assert.Empty(DialogueQuota.LeaderPosts(directory, directory.Officials.Single(o => o.FullName.StartsWith("Phó", StringComparison.Ordinal)).Id, Vn(2026, 3, 1, 8)));
    }

    [Theory]
    [InlineData("07-01", 7, 1)]
    [InlineData(" 12-31 ", 12, 31)]
    [InlineData("02-29", 2, 29)]
    public void A_flag_date_is_month_and_day(string text, int month, int day)
    {
        Assert.True(MonthDay.TryParse(text, out var value));
        Assert.Equal(new MonthDay(month, day), value);
    }

    [Theory]
    [InlineData("13-01")]
    [InlineData("7/1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_malformed_flag_date_is_refused(string? text) => Assert.False(MonthDay.TryParse(text, out _));

    [Fact]
    public void The_twenty_ninth_of_february_falls_on_the_first_of_march_in_other_years() =>
        Assert.Equal(new DateOnly(2026, 3, 1), new MonthDay(2, 29).In(2026));
}
