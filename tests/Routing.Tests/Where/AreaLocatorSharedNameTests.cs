using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Where;

namespace ResidentBot.Routing.Tests.Where;

/// <summary>A district that shares its name with its town (Huyện Nam Sách, Thị trấn Nam Sách), as in the sample directory.</summary>
public sealed class AreaLocatorSharedNameTests
{
    private readonly Area _district;
    private readonly Area _town;
    private readonly Area _namHong;
    private readonly Area _anLam;
    private readonly Area _thanhQuang;
    private readonly AreaLocator _locator;

    public AreaLocatorSharedNameTests()
    {
        var d = new TestDirectory();
        var province = d.Area("HD", "Tỉnh Hải Dương", AreaLevel.Province);
        var city = d.Area("HD.TPHD", "Thành phố Hải Dương", AreaLevel.District, province, null, "Hải Dương");
        d.Area("HD.TPHD.TRANPHU", "Phường Trần Phú", AreaLevel.Ward, city);
        _district = d.Area("HD.NS", "Huyện Nam Sách", AreaLevel.District, province, null, "Nam Sách", "Nam Sach");
        _town = d.Area("HD.NS.TTNAMSACH", "Thị trấn Nam Sách", AreaLevel.Commune, _district, null, "TT. Nam Sách");
        _namHong = d.Area("HD.NS.NAMHONG", "Xã Nam Hồng", AreaLevel.Commune, _district);
        _anLam = d.Area("HD.NS.ANLAM", "Xã An Lâm", AreaLevel.Commune, _district);
        _thanhQuang = d.Area("HD.NS.THANHQUANG", "Xã Thanh Quang", AreaLevel.Commune, _district);
        _locator = new AreaLocator(d.Build());
    }

    [Theory]
    [InlineData("nam sach")]
    [InlineData("Nam Sách")]
    [InlineData("Nam Sách, Hải Dương")]
    public void A_name_shared_by_a_district_and_its_town_offers_the_town_first_then_the_districts_other_communes(string text)
    {
        var match = _locator.ByText(text);

        Assert.Equal(AreaMatchKind.Choices, match.Kind);
        Assert.Equal([_town, _anLam, _namHong, _thanhQuang], match.Choices);
    }

    [Theory]
    [InlineData("thị trấn Nam Sách")]
    [InlineData("TT. Nam Sách")]
    [InlineData("tt nam sach, huyen nam sach")]
    public void Naming_the_town_as_a_town_finds_it(string text)
    {
        Assert.Same(_town, _locator.ByText(text).Area);
    }

    [Fact]
    public void Naming_the_district_as_a_district_finds_the_district()
    {
        Assert.Same(_district, _locator.ByText("huyện Nam Sách").Area);
    }

    [Theory]
    [InlineData("xã Thanh Quang, Nam Sách")]
    [InlineData("Thanh Quang, Nam Sach")]
    [InlineData("thôn Đông, xã An Lâm, huyện Nam Sách")]
    public void With_a_commune_of_the_district_named_the_shared_name_is_the_district_and_the_commune_is_found(string text)
    {
        var match = _locator.ByText(text);

        Assert.Equal(AreaMatchKind.Found, match.Kind);
        Assert.Contains(match.Area, new[] { _thanhQuang, _anLam });
    }

    [Fact]
    public void A_city_that_shares_the_provinces_name_is_still_the_city()
    {
        Assert.Equal("HD.TPHD", _locator.ByText("Hải Dương").Area?.Code);
        Assert.Equal("HD.TPHD.TRANPHU", _locator.ByText("Trần Phú, Hải Dương").Area?.Code);
    }
}
