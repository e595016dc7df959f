using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Cases;

/// <summary>
/// A resident's report and everything that happens to it. Status, accountable official and deadlines
/// change only through the methods below, which check the lifecycle and append to the case log.
/// </summary>
public sealed partial class Case
{
    public const int MaxDescriptionLength = 2000;

    public long Id { get; private set; }

    public string TrackingCode { get; private set; } = string.Empty;

    public int CategoryId { get; private set; }

    public Category? Category { get; private set; }

    public int AreaId { get; private set; }

    public Area? Area { get; private set; }

    public int ResidentId { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string? AddressText { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>The resident asked that officials see no name or contact.</summary>
    public bool AnonymousToOfficials { get; private set; }

    /// <summary>
    /// The resident agreed, in the report's summary, that the description, the result and the result photos may be shown
    /// on the public results page once resolved (never who reported). False unless they chose it.
    /// </summary>
    public bool PublicationConsent { get; private set; }

    /// <summary>How many times the resident reopened the case (the "reopened" figure of the results).</summary>
    public int ReopenCount { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>Exactly one official while the case is open; null only while it is New.</summary>
    public int? AccountableOfficialId { get; private set; }

    public Official? AccountableOfficial { get; private set; }

    /// <summary>Why this official and these deadlines: the routing engine's words (English), stored with the case for the audit.</summary>
    public string? RoutingExplanation { get; private set; }

    /// <summary>
    /// Why this official, as data the bot renders in the reader's language; null on cases assigned before reasons
    /// were stored, which show <see cref="RoutingExplanation"/> instead.
    /// </summary>
    public IReadOnlyList<RoutingReason>? RoutingReasons { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AcknowledgeDueAt { get; private set; }

    public DateTimeOffset? ResolveDueAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>0 until the first escalation; then how far up the escalation chain the case has climbed.</summary>
    public int EscalationLevel { get; private set; }

    public DateTimeOffset? LastEscalatedAt { get; private set; }

    /// <summary>When the chase must next look at this case (indexed, so a sweep reads only due work); written by <see cref="Chase.NextChase"/> only.</summary>
    public DateTimeOffset? NextChaseAt { get; internal set; }

    public string? ResolutionNote { get; private set; }

    public string? RejectionReason { get; private set; }

    public int? Rating { get; private set; }

    /// <summary>Bumped by every change, so two concurrent writers cannot both win.</summary>
    public int Version { get; private set; }

    public List<CaseAttachment> Attachments { get; private set; } = [];

    public List<CaseEvent> Events { get; private set; } = [];

    private Case()
    {
    }

    public static Case Create(NewCase report, string trackingCode, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingCode);
        var description = report.Description?.Trim() ?? string.Empty;
        if (description.Length == 0 || description.Length > MaxDescriptionLength)
        {
            throw new ArgumentException($"A description of 1 to {MaxDescriptionLength} characters is required.", nameof(report));
        }

        var created = new Case
        {
            TrackingCode = trackingCode,
            CategoryId = report.CategoryId,
            AreaId = report.AreaId,
            ResidentId = report.ResidentId,
            Latitude = report.Latitude,
            Longitude = report.Longitude,
            AddressText = report.AddressText,
            Description = description,
            AnonymousToOfficials = report.AnonymousToOfficials,
            PublicationConsent = report.PublicationConsent,
            Status = CaseStatus.New,
            CreatedAt = at,
        };
        created.Append(CaseEventKind.Created, Actor.Resident(report.ResidentId), at, null, null);
        return created;
    }
}

/// <summary>What a resident reported, before it becomes a case.</summary>
public sealed record NewCase(
    int ResidentId,
    int CategoryId,
    int AreaId,
    string Description,
    double? Latitude = null,
    double? Longitude = null,
    string? AddressText = null,
    bool AnonymousToOfficials = false,
    bool PublicationConsent = false);
