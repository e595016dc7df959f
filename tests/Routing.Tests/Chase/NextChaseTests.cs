using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.When;

namespace ResidentBot.Routing.Tests.Chase;

public sealed class NextChaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly Category Drainage = new()
    {
        Code = "drainage", NameVi = "Thoát nước", NameEn = "Drainage", RoundTheClock = true,
        AcknowledgeWithin = TimeSpan.FromHours(4), ResolveWithin = TimeSpan.FromHours(48),
    };

    private static readonly CategoryChase Chase = Build();

    private static CategoryChase Build()
    {
        var calendar = new WorkingCalendar(new CalendarSettings(), []);
        var defaults = new ChaseSettings([50, 90], TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(7));
        return new CategoryChase(Drainage, new ChaseClock(Drainage, calendar), ChasePolicy.For(Drainage, defaults, calendar));
    }

    [Fact]
    public void A_new_case_is_first_looked_at_for_its_first_reminder()
    {
        var c = PendingDeadlinesTests.Assigned();

        NextChase.AfterChange(c, Chase, T0);

        Assert.Equal(T0.AddHours(2), c.NextChaseAt);
    }

    [Fact]
    public void A_change_keeps_work_that_was_already_due_but_the_chase_moves_it_on()
    {
        var c = PendingDeadlinesTests.Assigned();
        NextChase.AfterChange(c, Chase, T0);
        var later = T0.AddHours(2.5); // the 50% reminder fell due and nobody has chased it yet

        NextChase.AfterChange(c, Chase, later);
        Assert.Equal(T0.AddHours(2), c.NextChaseAt);

        NextChase.AfterChase(c, Chase, stuck: false, later);
        Assert.Equal(T0.AddHours(3.6), c.NextChaseAt);
    }

    [Fact]
    public void A_chase_that_is_stuck_or_does_not_move_on_retries_later()
    {
        var c = PendingDeadlinesTests.Assigned();
        var overdue = T0.AddHours(5); // escalation due since 4 h and nobody above to take it

        NextChase.AfterChase(c, Chase, stuck: true, overdue);
        Assert.Equal(overdue + NextChase.RetryAfter, c.NextChaseAt);

        NextChase.AfterChase(c, Chase, stuck: false, overdue);
        Assert.Equal(overdue + NextChase.RetryAfter, c.NextChaseAt);
    }

    [Fact]
    public void A_closed_case_is_not_chased_any_more()
    {
        var c = PendingDeadlinesTests.Assigned();
        NextChase.AfterChange(c, Chase, T0);
        c.Reject(Actor.Official(7), "Không thuộc thẩm quyền", T0.AddHours(1));

        NextChase.AfterChange(c, Chase, T0.AddHours(1));

        Assert.Null(c.NextChaseAt);
    }
}
