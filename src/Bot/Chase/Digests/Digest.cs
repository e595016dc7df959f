using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.Directory;

namespace ResidentBot.Bot.Chase.Digests;

/// <summary>One overdue or escalated case in a digest.</summary>
internal sealed record DigestRow(long CaseId, string TrackingCode, string Ward, string Official, TimeSpan Late, int EscalationLevel, int Followers = 0);

/// <summary>A supervisor's digest: rows grouped by ward then official, and what changed since the previous digest.</summary>
internal sealed record Digest(IReadOnlyList<DigestRow> Rows, int New, int Cleared)
{
    public int Total => Rows.Count;

    public IEnumerable<IGrouping<string, DigestRow>> ByWard => Rows.GroupBy(r => r.Ward).OrderBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>Builds the digest from the cases in the supervisor's areas; <paramref name="previous"/> is the last digest's case set.</summary>
    public static Digest Build(IEnumerable<Case> cases, DirectorySnapshot directory, IReadOnlySet<long> previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(previous);
        var rows = cases
            .Select(c => (Case: c, Missed: PendingDeadlines.FirstMissed(c, now)))
            .Where(x => x.Case.Status.IsOpen() && (x.Missed is not null || x.Case.EscalationLevel > 0))
            .Select(x => new DigestRow(x.Case.Id, x.Case.TrackingCode, directory.AreasById[x.Case.AreaId].Name,
                x.Case.AccountableOfficialId is { } o && directory.OfficialsById.TryGetValue(o, out var official) ? official.Title : "?",
                x.Missed is { } m ? now - m : TimeSpan.Zero, x.Case.EscalationLevel, x.Case.Followers.Count))
            .OrderBy(r => r.Ward, StringComparer.Ordinal).ThenBy(r => r.Official, StringComparer.Ordinal).ThenByDescending(r => r.Late)
            .ToList();
        var current = rows.Select(r => r.CaseId).ToHashSet();
        return new Digest(rows, current.Count(id => !previous.Contains(id)), previous.Count(id => !current.Contains(id)));
    }
}
