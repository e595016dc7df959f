using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResidentBot.Persistence.DirectoryImport;

// The file as written: everything optional here, so validation can report every missing field at once.
internal abstract class DirectoryNode
{
    /// <summary>Unknown members; those starting with '_' are notes for people and are ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class DirectoryFile : DirectoryNode
{
    public CalendarNode? Calendar { get; set; }

    public List<CategoryNode?>? Categories { get; set; }

    public List<AreaNode?>? Areas { get; set; }

    /// <summary>Rules per area level (ward, commune …), e.g. the dialogues a leader must hold each year.</summary>
    public List<AreaLevelNode?>? AreaLevels { get; set; }

    public List<OfficialNode?>? Officials { get; set; }
}

internal sealed class CalendarNode : DirectoryNode
{
    public string? TimeZone { get; set; }

    public List<string?>? OfficeHours { get; set; }

    public List<string?>? WorkingDays { get; set; }

    public List<HolidayNode?>? Holidays { get; set; }
}

internal sealed class HolidayNode : DirectoryNode
{
    public string? Date { get; set; }

    public string? Name { get; set; }

    public bool? WorkingDay { get; set; }
}

internal sealed class CategoryNode : DirectoryNode
{
    public string? Code { get; set; }

    public string? NameVi { get; set; }

    public string? NameEn { get; set; }

    public string? AcknowledgeWithin { get; set; }

    public string? ResolveWithin { get; set; }

    public bool? RoundTheClock { get; set; }

    /// <summary>Read only to refuse it with a clear message: routing never used it (the posts say who is accountable).</summary>
    public string? Owner { get; set; }

    public string? EscalateEvery { get; set; }

    public string? ProgressEvery { get; set; }

    public string? AutoCloseAfter { get; set; }

    /// <summary><c>photo</c> or <c>note</c>: the proof of the fix a resolve needs; absent = the usual result note.</summary>
    public string? ResolveEvidence { get; set; }
}

internal sealed class AreaNode : DirectoryNode
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Level { get; set; }

    public string? Parent { get; set; }

    public List<string?>? Aliases { get; set; }

    public JsonElement? Boundary { get; set; }

    /// <summary>The area's own minimum of leaders' dialogues a year; beats its level's.</summary>
    public JsonElement? DialoguesPerYear { get; set; }
}

internal sealed class AreaLevelNode : DirectoryNode
{
    public string? Level { get; set; }

    public JsonElement? DialoguesPerYear { get; set; }
}

internal sealed class OfficialNode : DirectoryNode
{
    public string? Code { get; set; }

    public string? FullName { get; set; }

    public string? Title { get; set; }

    public string? Phone { get; set; }

    /// <summary>The older way to name a Telegram account; the same as <c>"identities": {"telegram": "…"}</c>.</summary>
    public long? TelegramUserId { get; set; }

    /// <summary>The official's account per channel, e.g. <c>{"telegram": "123", "zalo": "4567…"}</c>; strings or numbers.</summary>
    public Dictionary<string, JsonElement>? Identities { get; set; }

    public List<PostNode?>? Posts { get; set; }
}

internal sealed class PostNode : DirectoryNode
{
    public string? Area { get; set; }

    public string? Kind { get; set; }

    public string? Category { get; set; }

    public int? Rank { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }
}
