using ResidentBot.Routing.Cases;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Cases;

public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset T0 = Vn(2026, 1, 12, 9);
    private static readonly Actor Official = Actor.Official(7);
    private static readonly Actor Resident = Actor.Resident(1);

    private static Assignment To(int official) => new(official, $"to {official}", T0.AddHours(8), T0.AddDays(5));

    private static Case NewCase() => Case.Create(new NewCase(1, 2, 3, "  Đèn đường hỏng  "), "HD-2026-000001", T0);

    private static Case Assigned()
    {
        var c = NewCase();
        c.Assign(To(7), Actor.System, T0);
        return c;
    }

    [Fact]
    public void Legal_path_runs_from_new_to_rated_and_logs_every_step()
    {
        var c = NewCase();
        Assert.Equal("Đèn đường hỏng", c.Description);

        c.Assign(To(7), Actor.System, T0);
        c.Acknowledge(Official, T0.AddHours(1));
        c.Resolve(Official, "Đã thay bóng", T0.AddHours(2));
        c.Close(Resident, T0.AddHours(3));
        c.Rate(Resident, 5, T0.AddHours(4));

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(7, c.AccountableOfficialId);
        Assert.Equal(5, c.Rating);
        Assert.Equal(
            [CaseEventKind.Created, CaseEventKind.Assigned, CaseEventKind.Acknowledged, CaseEventKind.Resolved, CaseEventKind.Closed, CaseEventKind.Rated],
            c.Events.Select(e => e.Kind));
        Assert.Equal(T0.AddHours(3), c.ClosedAt);
    }

    [Fact]
    public void Reopen_returns_the_case_to_the_same_official_with_new_deadlines()
    {
        var c = Assigned();
        c.Resolve(Official, "Xong", T0.AddHours(2));
        var newDeadlines = new Assignment(99, "reopened", T0.AddDays(1), T0.AddDays(6));

        c.Reopen(Resident, "Vẫn hỏng", newDeadlines, T0.AddHours(3));

        Assert.Equal(CaseStatus.Reopened, c.Status);
        Assert.Equal(7, c.AccountableOfficialId);
        Assert.Equal(T0.AddDays(1), c.AcknowledgeDueAt);
        Assert.Null(c.ResolvedAt);
        Assert.Equal("Vẫn hỏng", c.Events[^1].Note);
    }

    [Fact]
    public void Extending_an_unacknowledged_case_past_its_missed_acknowledge_deadline_moves_that_deadline_too()
    {
        var c = Assigned();
        c.Escalate(1, 42, "missed acknowledge", T0.AddHours(9));
        var newDue = T0.AddDays(10);

        c.ExtendDeadline(Actor.Official(42), "Chờ vật tư", newDue, T0.AddHours(10));

        Assert.Equal(newDue, c.ResolveDueAt);
        Assert.Equal(newDue, c.AcknowledgeDueAt);
        Assert.Equal(0, c.EscalationLevel);
        Assert.Equal(CaseEventKind.DeadlineExtended, c.Events[^1].Kind);
    }

    [Fact]
    public void Extending_keeps_an_acknowledge_deadline_that_is_still_ahead()
    {
        var c = Assigned();

        c.ExtendDeadline(Actor.Official(42), "Chờ vật tư", T0.AddDays(10), T0.AddHours(1));

        Assert.Equal(T0.AddHours(8), c.AcknowledgeDueAt);
    }

    [Fact]
    public void Transfer_moves_the_case_to_another_area_and_official()
    {
        var c = Assigned();
        c.Acknowledge(Official, T0.AddHours(1));

        c.Transfer(Official, "Sai phường", 30, 4, To(8), T0.AddHours(2));

        Assert.Equal(CaseStatus.Transferred, c.Status);
        Assert.Equal((30, 4, 8), (c.AreaId, c.CategoryId, c.AccountableOfficialId!.Value));
        Assert.Null(c.AcknowledgedAt);
        Assert.Equal("Sai phường — to 8", c.Events[^1].Note);
    }

    [Fact]
    public void Reject_needs_a_reason_and_ends_the_case()
    {
        var c = Assigned();

        Assert.Throws<ArgumentException>(() => c.Reject(Official, "  ", T0));
        c.Reject(Official, "Không thuộc thẩm quyền", T0.AddHours(1));

        Assert.Equal(CaseStatus.Rejected, c.Status);
        Assert.Equal("Không thuộc thẩm quyền", c.RejectionReason);
        Assert.True(c.Status.IsFinal());
    }

    public static TheoryData<string> IllegalMoves => ["acknowledge new", "close assigned", "reopen closed", "rate assigned", "assign twice", "resolve rejected"];

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Illegal_transitions_throw_and_change_nothing(string move)
    {
        var c = move switch
        {
            "acknowledge new" => NewCase(),
            "reopen closed" => Closed(),
            "resolve rejected" => Rejected(),
            _ => Assigned(),
        };
        var status = c.Status;
        var events = c.Events.Count;
        var version = c.Version;

        var error = Assert.Throws<IllegalTransitionException>(() => Act(c, move));

        Assert.Equal(status, error.From);
        Assert.Equal(status, c.Status);
        Assert.Equal(events, c.Events.Count);
        Assert.Equal(version, c.Version);
    }

    private static void Act(Case c, string move)
    {
        switch (move)
        {
            case "acknowledge new": c.Acknowledge(Official, T0); break;
            case "close assigned": c.Close(Resident, T0); break;
            case "reopen closed": c.Reopen(Resident, "again", To(7), T0); break;
            case "rate assigned": c.Rate(Resident, 4, T0); break;
            case "assign twice": c.Assign(To(8), Actor.System, T0); break;
            case "resolve rejected": c.Resolve(Official, "done", T0); break;
            default: throw new ArgumentOutOfRangeException(nameof(move), move, null);
        }
    }

    private static Case Closed()
    {
        var c = Assigned();
        c.Resolve(Official, "Xong", T0);
        c.Close(Resident, T0);
        return c;
    }

    private static Case Rejected()
    {
        var c = Assigned();
        c.Reject(Official, "Trùng", T0);
        return c;
    }
}
