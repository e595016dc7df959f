using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Cases;

public sealed class DuplicateMatchTests
{
    private const int Lighting = 2;
    private const int Waste = 3;
    private const int TranPhu = 10;
    private const double Lat = 20.9400;
    private const double Lon = 106.3300;

    // About 111 m per 0.001° of latitude.
    private const double NorthBy80m = 0.00072;
    private const double NorthBy150m = 0.00135;

    private static readonly DateTimeOffset T0 = Vn(2026, 3, 2, 9);

    private static int _next;

    private static Case Open(int category, double? lat, double? lon, int area = TranPhu, int resident = 1, DateTimeOffset? at = null)
    {
        var when = at ?? T0;
        var c = Case.Create(new NewCase(resident, category, area, "Đèn hỏng", lat, lon), $"HD-2026-{Interlocked.Increment(ref _next):D6}", when);
        c.Assign(new Assignment(7, "to 7", when.AddHours(4), when.AddDays(3)), Actor.System, when);
        return c;
    }

    [Fact]
    public void An_open_case_of_the_same_category_within_100_m_matches_and_one_150_m_away_does_not()
    {
        var near = Open(Lighting, Lat + NorthBy80m, Lon);
        var far = Open(Lighting, Lat + NorthBy150m, Lon);

        Assert.Same(near, DuplicateMatch.Find(new ReportPlace(Lighting, TranPhu, Lat, Lon), [far, near]));
        Assert.Null(DuplicateMatch.Find(new ReportPlace(Lighting, TranPhu, Lat, Lon), [far]));
        Assert.InRange(DuplicateMatch.DistanceMeters(Lat, Lon, Lat + NorthBy80m, Lon), 79, 81);
    }

    [Fact]
    public void Another_category_or_a_finished_case_never_matches_and_the_nearest_open_one_wins()
    {
        var waste = Open(Waste, Lat, Lon);
        var resolved = Open(Lighting, Lat, Lon);
        resolved.Resolve(Actor.Official(7), "Đã thay bóng", T0.AddHours(1));
        var at60m = Open(Lighting, Lat + 0.00054, Lon);
        var at20m = Open(Lighting, Lat + 0.00018, Lon);

        Assert.Same(at20m, DuplicateMatch.Find(new ReportPlace(Lighting, TranPhu, Lat, Lon), [waste, resolved, at60m, at20m]));
        Assert.Null(DuplicateMatch.Find(new ReportPlace(Lighting, TranPhu, Lat, Lon), [waste, resolved]));
    }

    [Fact]
    public void A_report_without_a_point_matches_the_newest_open_case_of_its_category_in_the_same_ward()
    {
        var older = Open(Lighting, null, null, at: T0);
        var newer = Open(Lighting, Lat, Lon, at: T0.AddHours(2));
        var otherWard = Open(Lighting, null, null, area: TranPhu + 1, at: T0.AddHours(3));

        Assert.Same(newer, DuplicateMatch.Find(new ReportPlace(Lighting, TranPhu, null, null), [older, newer, otherWard]));
        Assert.Null(DuplicateMatch.Find(new ReportPlace(Lighting, TranPhu + 2, null, null), [older, newer, otherWard]));
    }

    [Fact]
    public void Marking_a_duplicate_closes_it_so_its_chase_ends_and_its_resident_follows_the_original_once()
    {
        var original = Open(Lighting, Lat, Lon, resident: 1);
        var duplicate = Open(Lighting, Lat, Lon, resident: 2, at: T0.AddHours(1));

        duplicate.MarkDuplicateOf(original, Actor.Official(7), T0.AddHours(2));

        Assert.Equal((CaseStatus.Closed, (long?)original.Id), (duplicate.Status, duplicate.DuplicateOfId));
        Assert.Equal((CaseEventKind.MarkedDuplicate, original.TrackingCode), (duplicate.Events[^1].Kind, duplicate.Events[^1].Note));
        Assert.Empty(PendingDeadlines.Of(duplicate));
        Assert.Equal(2, Assert.Single(original.Followers).ResidentId);
        Assert.False(original.Follow(2, T0.AddHours(3)));
        Assert.False(original.Follow(1, T0.AddHours(3)));
        Assert.Null(DuplicateMatch.Find(new ReportPlace(Lighting, TranPhu, Lat, Lon), [duplicate]));
        Assert.Throws<ArgumentException>(() => original.MarkDuplicateOf(original, Actor.Official(7), T0.AddHours(3)));
    }
}
