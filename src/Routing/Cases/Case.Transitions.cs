using ResidentBot.Routing.Categories;

namespace ResidentBot.Routing.Cases;

public sealed partial class Case
{
    public void Assign(Assignment assignment, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        Move(CaseAction.Assign, "assign", CaseStatus.Assigned, CaseEventKind.Assigned, actor, at, assignment.Explanation,
            () => ApplyAssignment(assignment));
    }

    public void Acknowledge(Actor actor, DateTimeOffset at) =>
        Move(CaseAction.Acknowledge, "acknowledge", CaseStatus.Acknowledged, CaseEventKind.Acknowledged, actor, at, null,
            () => AcknowledgedAt = at);

    /// <summary>
    /// Resolves with a result note and, where the category asks for it, photos of the result (attached to the case);
    /// refused with <see cref="MissingEvidenceException"/>, changing nothing, when the proof falls short.
    /// </summary>
    public void Resolve(Actor actor, string note, DateTimeOffset at, ResolveEvidence required = ResolveEvidence.None,
        IReadOnlyList<CaseAttachment>? resultPhotos = null)
    {
        var gap = ResolveProof.Missing(required, note, resultPhotos?.Count ?? 0);
        if (gap is EvidenceGap.DetailedNote or EvidenceGap.Photo)
        {
            throw new MissingEvidenceException(TrackingCode, gap);
        }

        Ensure(CaseAction.Resolve, "resolve");
        foreach (var photo in resultPhotos ?? [])
        {
            Attach(photo);
        }

        var reason = Required(note, nameof(note));
        Move(CaseAction.Resolve, "resolve", CaseStatus.Resolved, CaseEventKind.Resolved, actor, at, reason, () =>
        {
            AcknowledgedAt ??= at;
            ResolvedAt = at;
            ResolutionNote = reason;
        });
    }

    public void Close(Actor actor, DateTimeOffset at, string? note = null) =>
        Move(CaseAction.Close, "close", CaseStatus.Closed, CaseEventKind.Closed, actor, at, note, () => ClosedAt = at);

    /// <summary>The resident says the problem is not fixed: back to the same official with new deadlines.</summary>
    public void Reopen(Actor actor, string reason, Assignment deadlines, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var why = Required(reason, nameof(reason));
        Move(CaseAction.Reopen, "reopen", CaseStatus.Reopened, CaseEventKind.Reopened, actor, at, why, () =>
        {
            ResolvedAt = null;
            AcknowledgedAt = null;
            ResolutionNote = null;
            ReopenCount++;
            ApplyAssignment(deadlines with { OfficialId = AccountableOfficialId ?? deadlines.OfficialId });
        });
    }

    /// <summary>Wrong ward or category: the routing engine picked a new accountable official.</summary>
    public void Transfer(Actor actor, string reason, int areaId, int categoryId, Assignment assignment, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var why = Required(reason, nameof(reason));
        Move(CaseAction.Transfer, "transfer", CaseStatus.Transferred, CaseEventKind.Transferred, actor, at,
            $"{why} — {assignment.Explanation}", () =>
            {
                AreaId = areaId;
                CategoryId = categoryId;
                AcknowledgedAt = null;
                ApplyAssignment(assignment);
            });
    }

    /// <summary>A supervisor hands the case to another official of the same area.</summary>
    public void Reassign(Actor actor, string reason, Assignment assignment, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var why = Required(reason, nameof(reason));
        Move(CaseAction.Reassign, "reassign", CaseStatus.Assigned, CaseEventKind.Reassigned, actor, at,
            $"{why} — {assignment.Explanation}", () =>
            {
                AcknowledgedAt = null;
                ApplyAssignment(assignment);
            });
    }

    public void Reject(Actor actor, string reason, DateTimeOffset at)
    {
        var why = Required(reason, nameof(reason));
        Move(CaseAction.Reject, "reject", CaseStatus.Rejected, CaseEventKind.Rejected, actor, at, why, () =>
        {
            RejectionReason = why;
            ClosedAt = at;
        });
    }
}
