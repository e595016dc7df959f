namespace ResidentBot.Routing.Cases;

/// <summary>One line of a case's append-only log: who did what, when, and why.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTimeOffset At { get; set; }

    public CaseEventKind Kind { get; set; }

    public ActorKind ActorKind { get; set; }

    public int? ActorId { get; set; }

    public CaseStatus? FromStatus { get; set; }

    public CaseStatus? ToStatus { get; set; }

    /// <summary>The accountable official after this event (who the case belongs to from now on).</summary>
    public int? OfficialId { get; set; }

    /// <summary>The official this event was addressed to: the supervisor of an escalation, the official reminded.</summary>
    public int? AddresseeId { get; set; }

    /// <summary>Why, or what: a reason, a note, a reply text, the routing explanation.</summary>
    public string? Note { get; set; }
}
