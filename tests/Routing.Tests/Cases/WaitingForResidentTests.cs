using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.When;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Cases;

public sealed class WaitingForResidentTests
{
    private static readonly WorkingCalendar Calendar = new(new CalendarSettings(), []);
    private static readonly Actor Official = Actor.Official(7);
    private static readonly Actor Resident = Actor.Resident(1);
    private static readonly ChaseSettings Defaults = new([50, 90], TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(7))
    {
        Waiting = new WaitingPolicy(TimeSpan.FromDays(2), TimeSpan.FromDays(5)),
    };

    private static readonly Category Lighting = new()
    {
        Code = "lighting", NameVi = "Chiếu sáng", NameEn = "Lighting", AcknowledgeWithin = TimeSpan.FromHours(8), ResolveWithin = TimeSpan.FromHours(37.5),
    };

    private static readonly Category Drainage = new()
    {
        Code = "drainage", NameVi = "Thoát nước", NameEn = "Drainage", RoundTheClock = true,
        AcknowledgeWithin = TimeSpan.FromHours(4), ResolveWithin = TimeSpan.FromHours(48),
    };

    private static Case Acknowledged(DateTimeOffset at, DateTimeOffset resolveDue)
    {
        var c = Case.Create(new NewCase(1, 2, 3, "Đèn hỏng"), "HD-2026-000001", at);
        c.Assign(new Assignment(7, "to 7", at.AddHours(4), resolveDue), Actor.System, at);
        c.Acknowledge(Official, at);
        return c;
    }

    [Fact]
    public void Asking_the_resident_pauses_the_case_so_no_deadline_is_pending_and_only_the_reminder_and_the_close_are_scheduled()
    {
        var monday = Vn(2026, 3, 2, 9);
        var c = Case.Create(new NewCase(1, 2, 3, "Đèn hỏng"), "HD-2026-000001", monday);
        c.Assign(new Assignment(7, "to 7", monday.AddHours(4), monday.AddDays(5)), Actor.System, monday);

        c.AskResident(Official, "  Đèn ở số nhà nào?  ", monday.AddHours(1));

        Assert.Equal(CaseStatus.WaitingForResident, c.Status);
        Assert.Equal(monday.AddHours(1), c.AcknowledgedAt); // asking takes the case in
        Assert.Equal("Đèn ở số nhà nào?", c.ResidentQuestion);
        Assert.Equal((CaseEventKind.InformationRequested, "Đèn ở số nhà nào?"), (c.Events[^1].Kind, c.Events[^1].Note));
        Assert.Empty(PendingDeadlines.Of(c));
        var policy = ChasePolicy.For(Lighting, Defaults, Calendar);
        Assert.Null(ChaseSchedule.EscalationDueAt(c, new ChaseClock(Lighting, Calendar), policy));
        Assert.Equal(monday.AddHours(1).AddDays(2), ChaseSchedule.Next(c, Lighting, Calendar, policy, monday.AddHours(2)));
        Assert.Equal(monday.AddHours(1).AddDays(5), ChaseSchedule.Next(c, Lighting, Calendar, policy, monday.AddHours(1).AddDays(2)));
    }

    [Fact]
    public void Resuming_gives_back_the_office_time_that_was_left_so_a_weekend_pause_costs_only_the_office_hours_it_covered()
    {
        var friday = Vn(2026, 3, 6, 16);
        var due = Vn(2026, 3, 10, 10);
        var c = Acknowledged(friday, due);
        c.AskResident(Official, "Ảnh chụp gần hơn được không?", friday);
        var monday = Vn(2026, 3, 9, 8);

        var resumed = PausedClock.ResumedDeadline(c, new ChaseClock(Lighting, Calendar), monday);
        c.Resume(Resident, resumed!.Value, monday);

        // Friday 16:00–17:00 and Monday 07:30–08:00 were office time: the deadline moves by 1 h 30 of office time.
        Assert.Equal(Calendar.AddWorkingTime(due, TimeSpan.FromHours(1.5)), c.ResolveDueAt);
        Assert.Equal(CaseStatus.Acknowledged, c.Status);
        Assert.Equal(monday - friday, c.PausedFor);
        Assert.Null(c.PausedAt);
        Assert.Null(c.ResidentQuestion);
        Assert.Equal(CaseEventKind.Resumed, c.Events[^1].Kind);
    }

    [Fact]
    public void A_round_the_clock_case_gets_back_exactly_the_elapsed_time_and_an_overdue_one_stays_as_late_as_it_was()
    {
        var t0 = Vn(2026, 3, 2, 9);
        var clock = new ChaseClock(Drainage, Calendar);
        var ahead = Acknowledged(t0, t0.AddHours(48));
        ahead.AskResident(Official, "Cống ở đầu ngõ hay cuối ngõ?", t0.AddHours(10));
        Assert.Equal(t0.AddHours(48 + 5), PausedClock.ResumedDeadline(ahead, clock, t0.AddHours(15)));

        Assert.Equal(t0.AddHours(3), PausedClock.ResumedDeadline(t0, t0.AddHours(2), t0.AddHours(5), clock));
    }

    [Fact]
    public void Resolving_or_closing_a_waiting_case_ends_the_pause_and_counts_it_but_only_resume_moves_the_deadline()
    {
        var t0 = Vn(2026, 3, 2, 9);
        var resolved = Acknowledged(t0, t0.AddDays(3));
        resolved.AskResident(Official, "Cần thêm ảnh", t0.AddHours(1));
        resolved.Resolve(Official, "Đã thay bóng", t0.AddHours(4));
        Assert.Equal((CaseStatus.Resolved, TimeSpan.FromHours(3), (DateTimeOffset?)null), (resolved.Status, resolved.PausedFor, resolved.PausedAt));
        Assert.Equal(t0.AddDays(3), resolved.ResolveDueAt);

        var closed = Acknowledged(t0, t0.AddDays(3));
        closed.AskResident(Official, "Cần thêm ảnh", t0.AddHours(1));
        Assert.Equal(TimeSpan.FromHours(5), closed.PausedUntil(t0.AddHours(6)));
        closed.Close(Actor.System, t0.AddDays(5), "no answer");
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(TimeSpan.FromDays(5) - TimeSpan.FromHours(1), closed.PausedFor);
    }

    [Fact]
    public void Only_an_open_case_can_wait_and_only_a_waiting_case_can_resume()
    {
        var t0 = Vn(2026, 3, 2, 9);
        var c = Acknowledged(t0, t0.AddDays(3));
        Assert.Throws<IllegalTransitionException>(() => c.Resume(Resident, t0.AddDays(4), t0.AddHours(1)));
        Assert.Throws<ArgumentException>(() => c.AskResident(Official, "   ", t0.AddHours(1)));
        c.Resolve(Official, "Xong", t0.AddHours(2));
        Assert.Throws<IllegalTransitionException>(() => c.AskResident(Official, "Cần thêm ảnh", t0.AddHours(3)));
        Assert.Equal(CaseStatus.Resolved, c.Status);
    }
}
