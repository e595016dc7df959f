using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.When;

namespace ResidentBot.Routing.Tests.Chase;

public sealed class ChaseScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly WorkingCalendar Calendar = new(new CalendarSettings(), []);
    private static readonly ChaseSettings Defaults = new([50, 90], TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(7));

    private static readonly Category Drainage = new()
    {
        Code = "drainage", NameVi = "Thoát nước", NameEn = "Drainage", RoundTheClock = true,
        AcknowledgeWithin = TimeSpan.FromHours(4), ResolveWithin = TimeSpan.FromHours(48),
    };

    private static ChasePolicy Policy => ChasePolicy.For(Drainage, Defaults, Calendar);

    [Fact]
    public void The_next_look_is_the_first_reminder_then_the_missed_deadline()
    {
        var c = PendingDeadlinesTests.Assigned();

        Assert.Equal(T0.AddHours(2), ChaseSchedule.Next(c, Drainage, Calendar, Policy, T0));
        Assert.Equal(T0.AddHours(3.6), ChaseSchedule.Next(c, Drainage, Calendar, Policy, T0.AddHours(2)));
        Assert.Equal(T0.AddHours(4), ChaseSchedule.Next(c, Drainage, Calendar, Policy, T0.AddHours(3.6)));
    }

    [Fact]
    public void Escalation_is_due_at_the_first_missed_deadline_then_every_interval()
    {
        var c = PendingDeadlinesTests.Assigned();
        var clock = new ChaseClock(Drainage, Calendar);

        Assert.Equal(T0.AddHours(4), ChaseSchedule.EscalationDueAt(c, clock, Policy));

        c.Escalate(1, 9, "to 9", T0.AddHours(4));

        Assert.Equal(T0.AddHours(28), ChaseSchedule.EscalationDueAt(c, clock, Policy));
    }

    [Fact]
    public void A_resolved_case_is_looked_at_again_only_to_close_it()
    {
        var c = PendingDeadlinesTests.Assigned();
        c.Resolve(Actor.Official(7), "Đã thông cống", T0.AddHours(1));

        Assert.Equal(T0.AddHours(1) + TimeSpan.FromDays(7), ChaseSchedule.Next(c, Drainage, Calendar, Policy, T0.AddHours(2)));
        Assert.Null(ChaseSchedule.EscalationDueAt(c, new ChaseClock(Drainage, Calendar), Policy));
    }

    [Fact]
    public void A_category_override_beats_the_default_and_whole_days_count_as_working_days_in_office_time()
    {
        var lighting = new Category { Code = "lighting", NameVi = "Chiếu sáng", NameEn = "Lighting", ProgressEvery = TimeSpan.FromDays(3) };

        var policy = ChasePolicy.For(lighting, Defaults with { ReminderPercents = [90, 0, 50, 100] }, Calendar);

        Assert.Equal([50, 90], policy.ReminderPercents);
        Assert.Equal(Calendar.WorkingDayLength, policy.EscalateEvery);
        Assert.Equal(TimeSpan.FromDays(3), policy.ProgressEvery);
        Assert.Equal(TimeSpan.FromDays(7), policy.AutoCloseAfter);
    }

    [Fact]
    public void An_accountable_official_no_channel_reaches_has_missed_the_acknowledgement_already()
    {
        var c = PendingDeadlinesTests.Assigned();
        var clock = new ChaseClock(Drainage, Calendar);

        Assert.Equal(T0.AddHours(1), ChaseSchedule.EscalationDueAt(c, clock, Policy, accountableUnreachableSince: T0.AddHours(1)));
        Assert.Equal(T0, ChaseSchedule.EscalationDueAt(c, clock, Policy, accountableUnreachableSince: DateTimeOffset.MinValue));
        Assert.Equal(T0.AddHours(4), ChaseSchedule.EscalationDueAt(c, clock, Policy, accountableUnreachableSince: T0.AddHours(6)));

        c.Escalate(1, 9, "to 9", T0.AddHours(1));
        Assert.Null(ChaseSchedule.UnreachableDueAt(c, T0.AddHours(1)));

        var acknowledged = PendingDeadlinesTests.Assigned();
        acknowledged.Acknowledge(Actor.Official(7), T0.AddMinutes(5));
        Assert.Null(ChaseSchedule.UnreachableDueAt(acknowledged, T0.AddHours(1)));
    }
}
