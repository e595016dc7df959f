namespace ResidentBot.Routing.Cases;

/// <summary>Duplicates and followers: one case for one problem, every resident who reported it kept informed.</summary>
public sealed partial class Case
{
    /// <summary>The case this one repeats (set when an official marked it a duplicate; it is then closed).</summary>
    public long? DuplicateOfId { get; private set; }

    public List<CaseFollower> Followers { get; private set; } = [];

    /// <summary>
    /// Adds a follower (once; never the case's own resident) and logs it; returns false when they already follow or
    /// reported it themselves.
    /// </summary>
    public bool Follow(int residentId, DateTimeOffset at, long? fromCaseId = null)
    {
        Ensure(CaseAction.MarkDuplicate, "follow");
        if (residentId == ResidentId || Followers.Any(f => f.ResidentId == residentId))
        {
            return false;
        }

        Followers.Add(new CaseFollower { ResidentId = residentId, Since = at, FromCaseId = fromCaseId });
        Append(CaseEventKind.Followed, Actor.Resident(residentId), at, null, Status);
        return true;
    }

    /// <summary>
    /// This case repeats <paramref name="original"/>: it closes (its deadlines end, the chase stops) and its resident
    /// follows the original instead.
    /// </summary>
    public void MarkDuplicateOf(Case original, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (ReferenceEquals(original, this) || (Id != 0 && original.Id == Id) || (original.DuplicateOfId is { } of && of == Id))
        {
            throw new ArgumentException("A case cannot be a duplicate of itself or of its own duplicate.", nameof(original));
        }

        if (!CaseLifecycle.IsAllowed(CaseAction.MarkDuplicate, original.Status))
        {
            throw new IllegalTransitionException(original.TrackingCode, original.Status, "take a duplicate", CaseLifecycle.AllowedFrom[CaseAction.MarkDuplicate]);
        }

        Move(CaseAction.MarkDuplicate, "mark as duplicate", CaseStatus.Closed, CaseEventKind.MarkedDuplicate, actor, at, original.TrackingCode, () =>
        {
            DuplicateOfId = original.Id;
            ClosedAt = at;
        });
        original.Follow(ResidentId, at, Id);
    }
}
