using ResidentBot.Routing.Escalation;
using ResidentBot.Routing.Officials;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Escalation;

public sealed class EscalationChainTests
{
    private static readonly DateTimeOffset Now = Vn(2026, 3, 10, 9);

    private readonly HaiDuong _hd = new();

    [Fact]
    public void Supervisors_climb_from_the_cases_area_by_rank_then_up_the_tree()
    {
        var leader = _hd.D.Holder("Ward leader", _hd.TranPhu, PostKind.Leader);
        var wardSecond = _hd.D.Holder("Ward supervisor 2", _hd.TranPhu, PostKind.Supervisor, rank: 2);
        var wardFirst = _hd.D.Holder("Ward supervisor 1", _hd.TranPhu, PostKind.Supervisor, rank: 1);
        var province = _hd.D.Holder("Province supervisor", _hd.Province, PostKind.Supervisor);
        var city = _hd.D.Holder("City supervisor", _hd.City, PostKind.Supervisor);
        _hd.D.Holder("Expired", _hd.City, PostKind.Supervisor, to: Vn(2026, 1, 1, 0));

        var chain = new EscalationChain(_hd.D.Build()).For(_hd.TranPhu.Id, leader.Id, Now);

        Assert.Equal([wardFirst, wardSecond, city, province], chain.Select(l => l.Official));
        Assert.Equal([1, 2, 3, 4], chain.Select(l => l.Level));
        Assert.Equal("Supervisor of Thành phố Hải Dương", chain[2].Explanation);
    }

    [Fact]
    public void Accountable_official_and_repeated_supervisors_appear_once_at_most()
    {
        var accountable = _hd.D.Holder("Acting", _hd.TranPhu, PostKind.Leader);
        _hd.D.Post(accountable, _hd.TranPhu, PostKind.Supervisor);
        var both = _hd.D.Holder("Standing member", _hd.City, PostKind.Supervisor);
        _hd.D.Post(both, _hd.Province, PostKind.Supervisor);

        var chain = new EscalationChain(_hd.D.Build()).For(_hd.TranPhu.Id, accountable.Id, Now);

        Assert.Equal([both], chain.Select(l => l.Official));
    }

    [Fact]
    public void Without_supervisors_the_chain_falls_back_to_the_leaders_above()
    {
        var leader = _hd.D.Holder("Ward leader", _hd.TranPhu, PostKind.Leader);

        var chain = new EscalationChain(_hd.D.Build()).For(_hd.TranPhu.Id, leader.Id, Now);

        Assert.Equal([_hd.CityLeader, _hd.ProvinceLeader], chain.Select(l => l.Official));
        Assert.Equal("No supervisor is in post; the leader of Thành phố Hải Dương", chain[0].Explanation);
    }

    [Fact]
    public void Root_leader_with_nobody_above_has_an_empty_chain()
    {
        var chain = new EscalationChain(_hd.D.Build()).For(_hd.Province.Id, _hd.ProvinceLeader.Id, Now);

        Assert.Empty(chain);
    }
}
