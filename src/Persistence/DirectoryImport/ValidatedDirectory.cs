using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.DirectoryImport;

// A directory file that passed validation, in domain terms, ready to be applied to the database.
internal sealed record ValidatedDirectory(
    ParsedCalendar Calendar,
    IReadOnlyList<ParsedHoliday> Holidays,
    IReadOnlyList<ParsedCategory> Categories,
    IReadOnlyList<ParsedArea> Areas,
    IReadOnlyList<ParsedOfficial> Officials);

internal sealed record ParsedCalendar(string TimeZoneId, string OfficeHours, string WorkingDays);

internal sealed record ParsedHoliday(DateOnly Date, string Name, bool IsWorkingDay);

internal sealed record ParsedCategory(
    string Code, string NameVi, string NameEn, TimeSpan AcknowledgeWithin, TimeSpan ResolveWithin, bool RoundTheClock, int SortOrder)
{
    /// <summary>Chase overrides (escalateEvery, progressEvery, autoCloseAfter); null means the host default.</summary>
    public ChaseOverrides Chase { get; init; } = new(null, null, null);

    /// <summary>What a resolve must carry (resolveEvidence).</summary>
    public ResolveEvidence ResolveEvidence { get; init; }
}

internal sealed record ChaseOverrides(TimeSpan? EscalateEvery, TimeSpan? ProgressEvery, TimeSpan? AutoCloseAfter);

internal sealed record ParsedArea(string Code, string Name, AreaLevel Level, string? ParentCode, List<string> Aliases, string? BoundaryGeoJson)
{
    /// <summary>The area's minimum of leaders' dialogues a year: its own, else its level's (filled in by the validator).</summary>
    public int? DialoguesPerYear { get; set; }
}

/// <param name="Identities">The official's account per channel (channel name → the channel's user id).</param>
internal sealed record ParsedOfficial(
    string Code, string FullName, string Title, string? Phone, IReadOnlyDictionary<string, string> Identities, IReadOnlyList<ParsedPost> Posts);

internal sealed record ParsedPost(string AreaCode, PostKind Kind, string? CategoryCode, int Rank, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo)
{
    /// <summary>What identifies a post of one official across imports (so its row and id survive a re-import).</summary>
    public (string, PostKind, string, long?, long?) Key =>
        (AreaCode.ToUpperInvariant(), Kind, CategoryCode?.ToUpperInvariant() ?? "", ValidFrom?.ToUnixTimeMilliseconds(), ValidTo?.ToUnixTimeMilliseconds());
}
