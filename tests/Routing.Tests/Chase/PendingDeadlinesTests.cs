using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Routing.Tests.Chase;

public sealed class PendingDeadlinesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Ack = T0.AddHours(4);
    private static readonly DateTimeOffset Resolve = T0.AddHours(48);

    internal static Case Assigned(DateTimeOffset? acknowledge = null, DateTimeOffset? resolve = null)
    {
        var c = Case.Create(new NewCase(1, 2, 3, "Cống tắc"), "HD-2026-000001", T0);
        c.Assign(new Assignment(7, "to 7", acknowledge ?? Ack, resolve ?? Resolve), Actor.System, T0);
        return c;
    }

    [Fact]
    public void An_unacknowledged_case_counts_from_its_acknowledge_deadline()
    {
        var c = Assigned();

        Assert.Equal(Ack, PendingDeadlines.First(c));
        Assert.Null(PendingDeadlines.FirstMissed(c, Ack.AddTicks(-1)));
        Assert.Equal(Ack, PendingDeadlines.FirstMissed(c, Ack));
    }

    [Fact]
    public void Once_acknowledged_only_the_resolve_deadline_is_pending()
    {
        var c = Assigned();
        c.Acknowledge(Actor.Official(7), T0.AddHours(5));

        Assert.Equal([new PendingDeadline(DeadlineKind.Resolve, Resolve)], PendingDeadlines.Of(c));
        Assert.Null(PendingDeadlines.FirstMissed(c, T0.AddHours(5)));
        Assert.Equal(Resolve, PendingDeadlines.FirstMissed(c, Resolve.AddHours(1)));
    }

    [Fact]
    public void An_extended_resolve_deadline_before_the_acknowledge_one_comes_first()
    {
        var c = Assigned(acknowledge: T0.AddHours(30), resolve: T0.AddHours(20));

        Assert.Equal(T0.AddHours(20), PendingDeadlines.First(c));
    }

    [Fact]
    public void A_resolved_case_has_no_deadline_left()
    {
        var c = Assigned();
        c.Resolve(Actor.Official(7), "Đã thông cống", T0.AddHours(1));

        Assert.Empty(PendingDeadlines.Of(c));
        Assert.Null(PendingDeadlines.FirstMissed(c, Resolve.AddDays(10)));
    }
}
