using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Who;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Who;

public sealed class AccountableResolverTests
{
    private static readonly DateTimeOffset Now = Vn(2026, 3, 10, 9);

    private readonly HaiDuong _hd = new();

    private AccountableResolver Resolver => new(_hd.D.Build());

    [Fact]
    public void Specialist_for_the_category_beats_the_leader()
    {
        _hd.D.Holder("Leader", _hd.TranPhu, PostKind.Leader);
        var specialist = _hd.D.Holder("Environment officer", _hd.TranPhu, PostKind.Specialist, category: "waste");

        var who = Resolver.Resolve(_hd.TranPhu.Id, "waste", Now);

        Assert.Same(specialist, who.Official);
        Assert.Equal(PostKind.Specialist, who.Post.Kind);
        Assert.Equal("The specialist for waste in Phường Trần Phú is accountable", who.Explanation);
    }

    [Fact]
    public void Specialist_of_another_category_does_not_take_the_case()
    {
        var leader = _hd.D.Holder("Leader", _hd.TranPhu, PostKind.Leader);
        _hd.D.Holder("Land officer", _hd.TranPhu, PostKind.Specialist, category: "land");

        Assert.Same(leader, Resolver.Resolve(_hd.TranPhu.Id, "waste", Now).Official);
    }

    [Fact]
    public void Leader_is_accountable_when_no_specialist_serves()
    {
        var leader = _hd.D.Holder("Leader", _hd.TranPhu, PostKind.Leader);

        var who = Resolver.Resolve(_hd.TranPhu.Id, "waste", Now);

        Assert.Same(leader, who.Official);
        Assert.Equal("The leader of Phường Trần Phú is accountable", who.Explanation);
    }

    [Fact]
    public void Leader_on_leave_is_replaced_by_acting_deputy()
    {
        var leader = _hd.D.Official("Leader");
        _hd.D.Post(leader, _hd.TranPhu, PostKind.Leader, to: Vn(2026, 3, 1, 0));
        _hd.D.Post(leader, _hd.TranPhu, PostKind.Leader, from: Vn(2026, 3, 20, 0));
        _hd.D.Holder("Second deputy", _hd.TranPhu, PostKind.Deputy, rank: 2);
        var first = _hd.D.Holder("First deputy", _hd.TranPhu, PostKind.Deputy, rank: 1);

        var who = Resolver.Resolve(_hd.TranPhu.Id, "waste", Now);

        Assert.Same(first, who.Official);
        Assert.Contains("acting deputy", who.Explanation, StringComparison.Ordinal);
        Assert.Equal(new RoutingReason(RoutingReason.ActingDeputy, ["Phường Trần Phú"]), who.Reason);
        Assert.Same(leader, Resolver.Resolve(_hd.TranPhu.Id, "waste", Vn(2026, 3, 20, 0)).Official);
    }

    [Fact]
    public void Nobody_valid_in_the_ward_sends_the_case_to_the_parent_leader_and_says_so()
    {
        _hd.D.Holder("Former leader", _hd.TranPhu, PostKind.Leader, to: Vn(2026, 1, 1, 0));

        var who = Resolver.Resolve(_hd.TranPhu.Id, "waste", Now);

        Assert.Same(_hd.CityLeader, who.Official);
        Assert.Same(_hd.City, who.PostArea);
        Assert.Equal("No one serves Phường Trần Phú now; the leader of Thành phố Hải Dương is accountable", who.Explanation);
        Assert.Equal(new RoutingReason(RoutingReason.LeaderAbove, ["Phường Trần Phú", "Thành phố Hải Dương"]), who.Reason);
    }

    [Fact]
    public void Overlapping_leaders_during_a_hand_over_resolve_to_the_latest_appointment()
    {
        _hd.D.Holder("Outgoing", _hd.TranPhu, PostKind.Leader, from: Vn(2020, 1, 1, 0), to: Vn(2026, 4, 1, 0));
        var incoming = _hd.D.Holder("Incoming", _hd.TranPhu, PostKind.Leader, from: Vn(2026, 3, 1, 0));

        var who = Resolver.Resolve(_hd.TranPhu.Id, "waste", Now);

        Assert.Same(incoming, who.Official);
        Assert.Contains("2 posts overlap", who.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_leaders_appointed_together_resolve_by_rank_then_official_id()
    {
        var from = Vn(2026, 1, 1, 0);
        var lowId = _hd.D.Holder("A", _hd.TranPhu, PostKind.Leader, from);
        var highId = _hd.D.Holder("B", _hd.TranPhu, PostKind.Leader, from);
        Assert.Same(lowId, Resolver.Resolve(_hd.TranPhu.Id, "waste", Now).Official);

        var ranked = _hd.D.Holder("C", _hd.TranPhu, PostKind.Leader, from, rank: -1);
        Assert.Same(ranked, Resolver.Resolve(_hd.TranPhu.Id, "waste", Now).Official);
        Assert.NotSame(highId, ranked);
    }

    [Fact]
    public void Nobody_up_to_the_root_is_a_directory_defect_naming_the_area()
    {
        var d = new TestDirectory();
        var root = d.Area("ROOT", "Tỉnh Trống", Areas.AreaLevel.Province);
        var ward = d.Area("ROOT.W", "Phường Trống", Areas.AreaLevel.Ward, root);

        var error = Assert.Throws<NoAccountableOfficialException>(() => new AccountableResolver(d.Build()).Resolve(ward.Id, "waste", Now));

        Assert.Contains("ROOT.W", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_area_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => Resolver.Resolve(999, "waste", Now));
    }
}
