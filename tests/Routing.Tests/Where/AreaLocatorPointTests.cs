using ResidentBot.Routing.Where;

namespace ResidentBot.Routing.Tests.Where;

public sealed class AreaLocatorPointTests
{
    private readonly HaiDuong _hd = new();

    private AreaLocator Locator => new(_hd.D.Build());

    [Fact]
    public void Point_inside_a_ward_finds_the_ward_not_its_city_or_province()
    {
        var match = Locator.ByPoint(20.95, 106.31);

        Assert.Equal(AreaMatchKind.Found, match.Kind);
        Assert.Same(_hd.TranPhu, match.Area);
        Assert.DoesNotContain("border", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Point_in_the_city_outside_every_ward_finds_the_city()
    {
        Assert.Same(_hd.City, Locator.ByPoint(20.91, 106.21).Area);
    }

    [Fact]
    public void Point_on_a_border_shared_by_two_wards_resolves_to_the_lowest_code_and_says_so()
    {
        var match = Locator.ByPoint(20.95, 106.32);

        Assert.Equal(AreaMatchKind.Found, match.Kind);
        Assert.Same(_hd.QuangTrung, match.Area);
        Assert.Contains("border", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Point_outside_every_area_is_unknown()
    {
        var match = Locator.ByPoint(10.77, 106.70);

        Assert.Equal(AreaMatchKind.Unknown, match.Kind);
        Assert.Null(match.Area);
    }

    [Fact]
    public void Impossible_coordinates_are_unknown()
    {
        Assert.Equal(AreaMatchKind.Unknown, Locator.ByPoint(double.NaN, 106.31).Kind);
        Assert.Equal(AreaMatchKind.Unknown, Locator.ByPoint(95, 106.31).Kind);
    }

    [Fact]
    public void MultiPolygon_boundaries_are_supported()
    {
        var d = new TestDirectory();
        var islands = d.Area("X", "Xã Đảo", Areas.AreaLevel.Commune, boundary:
            """{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6],[5,5]]]]}""");

        var locator = new AreaLocator(d.Build());

        Assert.Same(islands, locator.ByPoint(5.5, 5.5).Area);
        Assert.Equal(AreaMatchKind.Unknown, locator.ByPoint(3, 3).Kind);
    }

    [Fact]
    public void Malformed_boundary_fails_fast_naming_the_area()
    {
        var d = new TestDirectory();
        d.Area("BAD.AREA", "Phường Hỏng", Areas.AreaLevel.Ward, boundary: """{"type":"Point","coordinates":[1,2]}""");

        var error = Assert.Throws<ArgumentException>(() => new AreaLocator(d.Build()));

        Assert.Contains("BAD.AREA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Area_code_is_found_case_insensitively_and_unknown_codes_are_unknown()
    {
        Assert.Same(_hd.TranPhu, Locator.ByCode("hd.tphd.tranphu").Area);
        Assert.Equal(AreaMatchKind.Unknown, Locator.ByCode("HD.NOWHERE").Kind);
    }
}
