namespace ResidentBot.Routing.Cases;

public sealed partial class Case
{
    /// <summary>Moves the resolve (and, if still pending, acknowledge) deadline later; a reason is required.</summary>
    public void ExtendDeadline(Actor actor, string reason, DateTimeOffset newResolveDueAt, DateTimeOffset at)
    {
        var why = Required(reason, nameof(reason));
        Ensure(CaseAction.ExtendDeadline, "extend the deadline");
        if (ResolveDueAt is { } current && newResolveDueAt <= current)
        {
            throw new ArgumentException($"The new deadline must be later than the current one ({current:O}).", nameof(newResolveDueAt));
        }

        ResolveDueAt = newResolveDueAt;
        // A pending acknowledge deadline that was already missed moves too: otherwise the reset escalation level
        // would escalate the case again at once, to the same supervisor, for the same missed deadline.
        if (Status.AwaitsAcknowledgement() && (AcknowledgeDueAt > newResolveDueAt || AcknowledgeDueAt <= at))
        {
            AcknowledgeDueAt = newResolveDueAt;
        }

        EscalationLevel = 0;
        Append(CaseEventKind.DeadlineExtended, actor, at, why, Status);
    }

    /// <summary>Records that the case climbed to <paramref name="level"/> of the escalation chain.</summary>
    public void Escalate(int level, int supervisorId, string note, DateTimeOffset at)
    {
        Ensure(CaseAction.Escalate, "escalate");
        if (level < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Escalation levels start at 1.");
        }

        EscalationLevel = level;
        LastEscalatedAt = at;
        Append(CaseEventKind.Escalated, Actor.System, at, note, Status, addresseeId: supervisorId);
    }

    public void Rate(Actor actor, int rating, DateTimeOffset at)
    {
        Ensure(CaseAction.Rate, "rate");
        if (rating is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5.");
        }

        Rating = rating;
        Append(CaseEventKind.Rated, actor, at, rating.ToString(System.Globalization.CultureInfo.InvariantCulture), Status);
    }

    /// <summary>Appends an event that does not change status (information added, reply, reminder, urge…).</summary>
    public CaseEvent Record(CaseEventKind kind, Actor actor, DateTimeOffset at, string? note = null, int? addresseeId = null)
    {
        if (kind is CaseEventKind.Created or CaseEventKind.Assigned or CaseEventKind.Acknowledged or CaseEventKind.Resolved
            or CaseEventKind.Closed or CaseEventKind.Reopened or CaseEventKind.Transferred or CaseEventKind.Rejected
            or CaseEventKind.Reassigned or CaseEventKind.DeadlineExtended or CaseEventKind.Escalated or CaseEventKind.Rated
            or CaseEventKind.InformationRequested or CaseEventKind.Resumed or CaseEventKind.MarkedDuplicate)
        {
            throw new ArgumentException($"{kind} changes the case; use its own method.", nameof(kind));
        }

        return Append(kind, actor, at, note, Status, addresseeId);
    }

    public void Attach(CaseAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        Attachments.Add(attachment);
        Version++;
    }

    private void Move(CaseAction action, string verb, CaseStatus to, CaseEventKind kind, Actor actor, DateTimeOffset at, string? note, Action apply)
    {
        Ensure(action, verb);
        var from = Status;
        if (from == CaseStatus.WaitingForResident)
        {
            EndPause(at);
        }

        apply();
        Status = to;
        Append(kind, actor, at, note, from);
    }

    private void Ensure(CaseAction action, string verb)
    {
        if (!CaseLifecycle.IsAllowed(action, Status))
        {
            throw new IllegalTransitionException(TrackingCode, Status, verb, CaseLifecycle.AllowedFrom[action]);
        }
    }

    private void ApplyAssignment(Assignment assignment)
    {
        AccountableOfficialId = assignment.OfficialId;
        RoutingExplanation = assignment.Explanation;
        RoutingReasons = assignment.Reasons;
        AcknowledgeDueAt = assignment.AcknowledgeDueAt;
        ResolveDueAt = assignment.ResolveDueAt;
        EscalationLevel = 0;
        LastEscalatedAt = null;
    }

    private CaseEvent Append(CaseEventKind kind, Actor actor, DateTimeOffset at, string? note, CaseStatus? from, int? addresseeId = null)
    {
        var entry = new CaseEvent
        {
            At = at,
            Kind = kind,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            FromStatus = from,
            ToStatus = Status,
            OfficialId = AccountableOfficialId,
            AddresseeId = addresseeId,
            Note = note,
        };
        Events.Add(entry);
        Version++;
        return entry;
    }

    private static string Required(string? value, string name)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? throw new ArgumentException("A reason or note is required.", name) : trimmed;
    }
}
