using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Escalation;
using ResidentBot.Routing.Officials;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Escalation;

public sealed class SupervisorScopeTests
{
    private static readonly DateTimeOffset Now = Vn(2026, 3, 2, 9);

    [Fact]
    public void A_supervisor_oversees_the_areas_of_their_posts_in_force_and_everything_below()
    {
        var d = new TestDirectory();
        var province = d.Area("HD", "Tỉnh", AreaLevel.Province);
        var city = d.Area("HD.TP", "Thành phố", AreaLevel.District, province);
        var ward = d.Area("HD.TP.TP", "Phường Trần Phú", AreaLevel.Ward, city);
        var other = d.Area("HD.KM", "Huyện Kinh Môn", AreaLevel.District, province);
        var supervisor = d.Holder("Ủy viên thường vụ", city, PostKind.Supervisor);
        d.Post(supervisor, other, PostKind.Supervisor, to: Now.AddDays(-1));
        var leader = d.Holder("Chủ tịch phường", ward, PostKind.Leader);
        var directory = d.Build();

        Assert.Equal([city.Id, ward.Id], SupervisorScope.Of(directory, supervisor.Id, Now).Order());
        Assert.Equal([supervisor.Id], SupervisorScope.Of(directory, Now).Keys);
        Assert.Equal([city.Id, ward.Id], SupervisorScope.Of(directory, Now)[supervisor.Id].Order());
        Assert.Empty(SupervisorScope.Of(directory, leader.Id, Now));
    }
}
