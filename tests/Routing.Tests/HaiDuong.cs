using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Tests;

/// <summary>A small province: the city of Hải Dương with two neighbouring wards, and two wards named Thanh Bình.</summary>
internal sealed class HaiDuong
{
    public HaiDuong()
    {
        Province = D.Area("HD", "Tỉnh Hải Dương", AreaLevel.Province, boundary: TestDirectory.Box(106.0, 20.8, 106.6, 21.2));
        City = D.Area("HD.TPHD", "Thành phố Hải Dương", AreaLevel.District, Province, TestDirectory.Box(106.2, 20.9, 106.4, 21.0), "TP Hải Dương");
        TranPhu = D.Area("HD.TPHD.TRANPHU", "Phường Trần Phú", AreaLevel.Ward, City, TestDirectory.Box(106.30, 20.94, 106.32, 20.96),
            "P. Trần Phú", "Tran Phu ward");
        QuangTrung = D.Area("HD.TPHD.QUANGTRUNG", "Phường Quang Trung", AreaLevel.Ward, City, TestDirectory.Box(106.32, 20.94, 106.34, 20.96));
        ThanhBinh = D.Area("HD.TPHD.THANHBINH", "Phường Thanh Bình", AreaLevel.Ward, City);
        ChiLinh = D.Area("HD.CHILINH", "Thành phố Chí Linh", AreaLevel.District, Province);
        ChiLinhThanhBinh = D.Area("HD.CHILINH.THANHBINH", "Phường Thanh Bình", AreaLevel.Ward, ChiLinh);
        Waste = D.Category("waste", TimeSpan.FromHours(8), TimeSpan.FromHours(40));
        Flood = D.Category("flood", TimeSpan.FromHours(4), TimeSpan.FromHours(24), roundTheClock: true);
        ProvinceLeader = D.Holder("Chủ tịch tỉnh", Province, PostKind.Leader);
        CityLeader = D.Holder("Chủ tịch thành phố", City, PostKind.Leader);
    }

    public TestDirectory D { get; } = new();

    public Area Province { get; }

    public Area City { get; }

    public Area TranPhu { get; }

    public Area QuangTrung { get; }

    public Area ThanhBinh { get; }

    public Area ChiLinh { get; }

    public Area ChiLinhThanhBinh { get; }

    public Categories.Category Waste { get; }

    public Categories.Category Flood { get; }

    public Official ProvinceLeader { get; }

    public Official CityLeader { get; }
}
