using ResidentBot.Routing.Where;

namespace ResidentBot.Routing.Tests.Where;

public sealed class AreaLocatorTextTests
{
    private readonly HaiDuong _hd = new();

    private AreaLocator Locator => new(_hd.D.Build());

    [Theory]
    [InlineData("tran phu")]
    [InlineData("Trần Phú")]
    [InlineData("P. Trần Phú")]
    [InlineData("p.tran phu")]
    [InlineData("phuong tran phu")]
    [InlineData("Phường Trần Phú")]
    [InlineData("PHƯỜNG TRẦN PHÚ")]
    [InlineData("Tran Phu ward")]
    [InlineData("  phường   trần phú, TP Hải Dương ")]
    public void Ward_is_found_with_or_without_diacritics_prefixes_and_aliases(string text)
    {
        var match = Locator.ByText(text);

        Assert.Equal(AreaMatchKind.Found, match.Kind);
        Assert.Same(_hd.TranPhu, match.Area);
    }

    [Fact]
    public void D_with_stroke_folds_to_d()
    {
        Assert.Same(_hd.City, Locator.ByText("thanh pho hai duong").Area);
        Assert.Same(_hd.City, Locator.ByText("Thành phố Hải Đương").Area);
    }

    [Fact]
    public void Ward_marked_in_an_address_beats_a_street_with_another_wards_name()
    {
        var match = Locator.ByText("số 5 đường Trần Phú, phường Quang Trung");

        Assert.Same(_hd.QuangTrung, match.Area);
        Assert.Contains("ward named in the address", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Street_name_alone_is_not_taken_for_a_ward()
    {
        Assert.Equal(AreaMatchKind.Unknown, Locator.ByText("số 5 đường Trần Phú").Kind);
    }

    [Fact]
    public void Two_wards_with_the_same_name_in_different_districts_are_choices()
    {
        var match = Locator.ByText("phường Thanh Bình");

        Assert.Equal(AreaMatchKind.Choices, match.Kind);
        Assert.Null(match.Area);
        Assert.Equal([_hd.ChiLinhThanhBinh, _hd.ThanhBinh], match.Choices);
    }

    [Fact]
    public void Naming_the_district_settles_a_shared_ward_name()
    {
        Assert.Same(_hd.ChiLinhThanhBinh, Locator.ByText("Thanh Bình, Chí Linh").Area);
        Assert.Same(_hd.ThanhBinh, Locator.ByText("p. Thanh Binh, tp Hai Duong").Area);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("phường")]
    [InlineData("Trần Phúc")]
    [InlineData("Hà Nội")]
    public void Text_that_names_no_area_is_unknown(string text)
    {
        var match = Locator.ByText(text);

        Assert.Equal(AreaMatchKind.Unknown, match.Kind);
        Assert.Empty(match.Choices);
    }

    [Fact]
    public void More_than_five_candidates_are_cut_to_five_in_a_stable_order()
    {
        var d = new TestDirectory();
        var root = d.Area("R", "Tỉnh Gốc", Areas.AreaLevel.Province);
        for (var i = 9; i >= 1; i--)
        {
            var district = d.Area($"R.D{i}", $"Huyện Số {i}", Areas.AreaLevel.District, root);
            d.Area($"R.D{i}.W", "Phường Hòa Bình", Areas.AreaLevel.Ward, district);
        }

        var match = new AreaLocator(d.Build()).ByText("hoa binh");

        Assert.Equal(AreaMatchKind.Choices, match.Kind);
        Assert.Equal(["R.D1.W", "R.D2.W", "R.D3.W", "R.D4.W", "R.D5.W"], match.Choices.Select(a => a.Code));
    }

    [Fact]
    public void Numbered_ward_needs_its_marker_so_house_numbers_are_not_wards()
    {
        var d = new TestDirectory();
        var ward5 = d.Area("HCM.Q3.P5", "Phường 5", Areas.AreaLevel.Ward);
        var locator = new AreaLocator(d.Build());

        Assert.Same(ward5, locator.ByText("phường 5").Area);
        Assert.Same(ward5, locator.ByText("P.5").Area);
        Assert.Equal(AreaMatchKind.Unknown, locator.ByText("số 5 Lê Lợi").Kind);
    }
}
