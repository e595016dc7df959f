using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Engine;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Where;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Engine;

public sealed class RoutingEngineTests
{
    private static readonly DateTimeOffset FridayLate = Vn(2026, 1, 9, 16, 50);

    private readonly HaiDuong _hd = new();
    private readonly Official _wardLeader;

    public RoutingEngineTests() => _wardLeader = _hd.D.Holder("Ward leader", _hd.TranPhu, PostKind.Leader);

    private RoutingEngine Engine => RoutingEngine.Create(_hd.D.Build());

    [Fact]
    public void Report_with_a_ward_name_is_routed_to_one_official_with_deadlines_and_a_chain()
    {
        var outcome = Engine.Route(new RoutingRequest("waste", PlaceQuery.ByText("phuong tran phu"), FridayLate));

        Assert.True(outcome.IsRouted);
        var decision = outcome.Decision;
        Assert.Same(_hd.TranPhu, decision.Area);
        Assert.Same(_wardLeader, decision.Official);
        Assert.Equal(Vn(2026, 1, 13, 7, 50), decision.AcknowledgeDueAt);
        Assert.Equal([_hd.CityLeader, _hd.ProvinceLeader], decision.EscalationChain.Select(l => l.Official));
        Assert.Equal(
            "\"phuong tran phu\" is Phường Trần Phú. The leader of Phường Trần Phú is accountable. " +
            "Acknowledge by 13/01/2026 07:50, resolve by 19/01/2026 09:50.",
            decision.Explanation);
    }

    [Fact]
    public void Decision_becomes_the_cases_assignment()
    {
        var decision = Engine.Route(new RoutingRequest("flood", PlaceQuery.ByPoint(20.95, 106.31), FridayLate)).Decision!;

        var assignment = decision.ToAssignment();

        Assert.Equal(new Assignment(_wardLeader.Id, decision.Explanation, Vn(2026, 1, 9, 20, 50), Vn(2026, 1, 10, 16, 50), decision.Reasons), assignment);
        Assert.Equal([new RoutingReason(RoutingReason.Leader, [decision.Area.Name])], assignment.Reasons!);
    }

    [Fact]
    public void Ambiguous_place_is_returned_for_the_resident_to_choose()
    {
        var outcome = Engine.Route(new RoutingRequest("waste", PlaceQuery.ByText("Thanh Bình"), FridayLate));

        Assert.False(outcome.IsRouted);
        Assert.Equal(AreaMatchKind.Choices, outcome.Place.Kind);
        Assert.Equal(2, outcome.Place.Choices.Count);
    }

    [Fact]
    public void Unknown_area_code_is_not_routed()
    {
        Assert.Equal(AreaMatchKind.Unknown, Engine.Route(new RoutingRequest("waste", PlaceQuery.ByCode("NOPE"), FridayLate)).Place.Kind);
    }

    [Fact]
    public void Unknown_category_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => Engine.Route(new RoutingRequest("nope", PlaceQuery.ByCode("HD"), FridayLate)));
    }

    [Fact]
    public void Transfer_reroutes_a_known_area_and_category()
    {
        var decision = Engine.Reroute(_hd.QuangTrung.Id, _hd.Waste.Id, FridayLate);

        Assert.Same(_hd.CityLeader, decision.Official);
        Assert.StartsWith("Phường Quang Trung. No one serves Phường Quang Trung now", decision.Explanation, StringComparison.Ordinal);
        Assert.Equal([new RoutingReason(RoutingReason.LeaderAbove, ["Phường Quang Trung", "Thành phố Hải Dương"])], decision.Reasons);
    }

    [Fact]
    public void Reopen_keeps_the_official_and_gives_new_deadlines()
    {
        var engine = Engine;
        var @case = Case.Create(new NewCase(1, _hd.Waste.Id, _hd.TranPhu.Id, "Rác chưa thu"), "HD-2026-000001", FridayLate);
        @case.Assign(engine.Reroute(_hd.TranPhu.Id, "waste", FridayLate).ToAssignment(), Actor.System, FridayLate);
        @case.Resolve(Actor.Official(_wardLeader.Id), "Đã thu", Vn(2026, 1, 12, 9));
        var reopenedAt = Vn(2026, 1, 12, 16, 0);

        @case.Reopen(Actor.Resident(1), "Vẫn còn rác", engine.ReopenAssignment(@case, reopenedAt), reopenedAt);

        Assert.Equal(_wardLeader.Id, @case.AccountableOfficialId);
        Assert.Equal(Vn(2026, 1, 13, 16, 30), @case.AcknowledgeDueAt);
        Assert.Equal([RoutingReason.Reopened, RoutingReason.Leader], @case.RoutingReasons!.Select(r => r.Code));
    }

    [Fact]
    public void AddResidentRouting_registers_one_factory_that_reuses_the_engine_of_a_snapshot()
    {
        var services = new ServiceCollection().AddResidentRouting().AddResidentRouting();
        var snapshot = _hd.D.Build();
        var factory = new RoutingEngineFactory();

        Assert.Single(services, s => s.ServiceType == typeof(RoutingEngineFactory));
        Assert.Same(factory.For(snapshot), factory.For(snapshot));
    }
}
