namespace ResidentBot.Bot.Conversations.Report;

/// <summary>The answers of a report in progress, persisted as the conversation's data after every turn.</summary>
internal sealed class ReportDraft
{
    public string? CategoryCode { get; set; }

    public int? AreaId { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? AddressText { get; set; }

    /// <summary>Areas offered when the place was ambiguous; a pick must be one of them.</summary>
    public List<int> PlaceChoices { get; set; } = [];

    public string? Description { get; set; }

    public List<DraftPhoto> Photos { get; set; } = [];

    public bool PhotosDone { get; set; }

    public bool Anonymous { get; set; }

    /// <summary>The resident agreed that the case may be shown on the public results page (default no).</summary>
    public bool Publish { get; set; }

    /// <summary>The active case offered as a duplicate of this report, while the resident chooses.</summary>
    public long? OfferedDuplicateId { get; set; }

    /// <summary>The resident chose to send their report even though a similar case exists (or none was found to follow).</summary>
    public bool ReportAnyway { get; set; }
}

internal sealed record DraftPhoto(string FileRef, string ContentType);

internal static class ReportSteps
{
    public const string Flow = "report";
    public const string Category = "category";
    public const string Where = "where";
    public const string Description = "description";
    public const string Photos = "photos";
    public const string Summary = "summary";
}
