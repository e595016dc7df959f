using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Routing.Dialogues;

/// <summary>A leader's dialogues held this year against the minimum for their area; flagged when behind it after the flag date.</summary>
public sealed record LeaderDialogues(Official Leader, Area Area, int Held, int Minimum, bool Flagged);

/// <summary>What a dialogue contributes to its leader's count.</summary>
public readonly record struct HeldDialogue(int LeaderOfficialId, int LeaderAreaId, DateTimeOffset StartsAt);

/// <summary>
/// Each leader in post in some areas, with the dialogues they held in the current year (local time) against the
/// minimum the directory sets for their area. A leader below the minimum on or after <c>flagAfter</c> is flagged.
/// </summary>
public static class DialogueQuota
{
    public static IReadOnlyList<LeaderDialogues> For(
        DirectorySnapshot directory, IReadOnlySet<int> areaIds, IEnumerable<HeldDialogue> dialogues, DateTimeOffset now, TimeZoneInfo zone, MonthDay flagAfter)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(areaIds);
        ArgumentNullException.ThrowIfNull(dialogues);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var held = dialogues
            .Where(d => d.StartsAt <= now && TimeZoneInfo.ConvertTime(d.StartsAt, zone).Year == today.Year)
            .GroupBy(d => (d.LeaderOfficialId, d.LeaderAreaId))
            .ToDictionary(g => g.Key, g => g.Count());
        var flagging = today >= flagAfter.In(today.Year);
        return [.. directory.Posts
            .Where(p => p.Kind == PostKind.Leader && p.IsValidAt(now) && areaIds.Contains(p.AreaId))
            .Select(p => (Post: p, Area: directory.AreasById[p.AreaId]))
            .Where(x => x.Area.DialoguesPerYear is > 0 && directory.OfficialsById.ContainsKey(x.Post.OfficialId))
            .Select(x =>
            {
                var count = held.GetValueOrDefault((x.Post.OfficialId, x.Area.Id));
                var minimum = x.Area.DialoguesPerYear!.Value;
                return new LeaderDialogues(directory.OfficialsById[x.Post.OfficialId], x.Area, count, minimum, flagging && count < minimum);
            })
            .OrderBy(l => l.Area.Name, StringComparer.Ordinal)];
    }

    /// <summary>The leader posts an official holds now: the areas they may announce dialogues for.</summary>
    public static IReadOnlyList<Post> LeaderPosts(DirectorySnapshot directory, int officialId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return [.. directory.Posts.Where(p => p.OfficialId == officialId && p.Kind == PostKind.Leader && p.IsValidAt(now))];
    }
}
