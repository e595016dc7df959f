using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Chase.Digests;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Chase.Scorecard;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.Escalation;

namespace ResidentBot.Bot.WebConsole.Board;

/// <summary>
/// The supervisor's board, from the same rules as their chat digest and weekly scorecard: the areas under them
/// (<see cref="SupervisorScope"/>), the digest's rows (open cases overdue or escalated, by ward and official, how late,
/// at which level) and the scorecard's lines for a period.
/// </summary>
internal sealed class BoardData(ResidentBotDbContext db, ChaseRules rules, TimeProvider time)
{
    public async Task<HashSet<int>> AreasAsync(int supervisorId, CancellationToken cancellationToken) =>
        SupervisorScope.Of((await rules.GetAsync(cancellationToken)).Engine.Directory, supervisorId, time.GetUtcNow());

    /// <summary>
    /// One page of the digest's rows (most late first) and its lines by ward and official. The same cases as the
    /// chat digest's (<see cref="Digest"/>: open, escalated or past their first missed deadline, <see cref="PendingDeadlines"/>). The overdue cases are read
    /// from the covering (status, area, level, deadlines, official) index alone and counted, sorted and paged here: asked
    /// to GROUP BY or ORDER BY in SQL, SQLite's planner (whose statistics see a status as 1 case in 7, not the open
    /// few) scanned a million cases by area instead (2 s against 17 ms). Only the page's tracking codes are read by id.
    /// </summary>
    public async Task<BoardView> PageAsync(int supervisorId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var directory = (await rules.GetAsync(cancellationToken)).Engine.Directory;
        var areas = SupervisorScope.Of(directory, supervisorId, now).ToList();
        var overdue = (await db.Cases.AsNoTracking()
            .Where(c => CaseStatuses.Open.Contains(c.Status) && areas.Contains(c.AreaId)
                && (c.EscalationLevel > 0 || c.ResolveDueAt <= now || (CaseStatuses.AwaitingAcknowledgement.Contains(c.Status) && c.AcknowledgeDueAt <= now)))
            .Select(c => new { c.Id, c.Status, c.AreaId, c.AccountableOfficialId, c.EscalationLevel, c.AcknowledgeDueAt, c.ResolveDueAt })
            .ToListAsync(cancellationToken))
            .Select(c => new OverdueCase(c.Id, c.AreaId, c.AccountableOfficialId, c.EscalationLevel,
                CaseStatuses.AwaitingAcknowledgement.Contains(c.Status) && c.AcknowledgeDueAt is { } ack && (c.ResolveDueAt is not { } resolve || ack < resolve)
                    ? c.AcknowledgeDueAt : c.ResolveDueAt))
            .ToList();
        var rows = overdue.OrderBy(c => c.First is not { } f || f > now).ThenBy(c => c.First).ThenBy(c => c.Id).Skip(page * pageSize).Take(pageSize).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        // One JSON parameter (json_each), not EF 10's default of one parameter per id: the CSV asks for every row's code.
        var codes = await db.Cases.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id)).Select(c => new { c.Id, c.TrackingCode })
            .ToDictionaryAsync(c => c.Id, c => c.TrackingCode, cancellationToken);
        TimeSpan Late(DateTimeOffset? first) => first is { } f && f <= now ? now - f : TimeSpan.Zero;
        string Official(int? id) => id is { } o && directory.OfficialsById.TryGetValue(o, out var official) ? official.Title : "?";
        return new BoardView(
            overdue.Count,
            [.. overdue.GroupBy(c => (c.AreaId, c.OfficialId))
                .Select(g => new BoardLine(directory.AreasById[g.Key.AreaId].Name, Official(g.Key.OfficialId), g.Count(), Late(g.Min(c => c.First))))
                .OrderBy(l => l.Ward, StringComparer.Ordinal).ThenByDescending(l => l.Count)],
            [.. rows.Where(r => codes.ContainsKey(r.Id)).Select(r => new DigestRow(r.Id, codes[r.Id], directory.AreasById[r.AreaId].Name, Official(r.OfficialId),
                Late(r.First), r.Level))]);
    }

    private sealed record OverdueCase(long Id, int AreaId, int? OfficialId, int Level, DateTimeOffset? First);

    /// <summary>
    /// The scorecard of the cases received in [from, to) in the supervisor's areas, per ward then official. The cases
    /// are streamed on the report-date index without entities (<see cref="CaseScan"/>): a week of a large city is tens
    /// of thousands of cases, and materialising them through EF took most of the board's time.
    /// </summary>
    public async Task<IReadOnlyList<ScoreLine>> ScorecardAsync(int supervisorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var directory = (await rules.GetAsync(cancellationToken)).Engine.Directory;
        var areas = SupervisorScope.Of(directory, supervisorId, now);
        var cases = new List<ScoreCase>();
        await CaseScan.ForEachBetweenAsync(db, from, to, (in ScannedCase c) =>
            cases.Add(new ScoreCase(directory.AreasById[c.AreaId].Name,
                c.AccountableOfficialId is { } o && directory.OfficialsById.TryGetValue(o, out var official) ? official.Title : "?",
                c.CreatedAt, c.AcknowledgeDueAt, c.AcknowledgedAt, c.ResolveDueAt, c.ResolvedAt, c.Rating,
                c.PausedFor + (c.PausedAt is { } since ? now - since : TimeSpan.Zero))), cancellationToken, areas);
        return ScorecardCalculator.Lines(cases);
    }

    /// <summary>The office's time zone, which the board writes times in.</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken cancellationToken) =>
        (await rules.GetAsync(cancellationToken)).Engine.Calendar.TimeZone;

    /// <summary>The period a filter names, as calendar days in the office's time zone; the last 7 days by default, at most a year.</summary>
    public async Task<(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End)> PeriodAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var zone = (await rules.GetAsync(cancellationToken)).Engine.Calendar.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var last = to ?? today;
        var first = from ?? last.AddDays(-6);
        if (first > last)
        {
            (first, last) = (last, first);
        }

        if (last.DayNumber - first.DayNumber > 366)
        {
            first = last.AddDays(-366);
        }

        return (first, last, Start(first, zone), Start(last.AddDays(1), zone));
    }

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>A page of the board: how many cases are overdue or escalated, their lines by ward and official, and one page of them.</summary>
internal sealed record BoardView(int Total, IReadOnlyList<BoardLine> Lines, IReadOnlyList<DigestRow> Rows);

/// <summary>The overdue cases of one official in one ward, and how late the latest of them is.</summary>
internal sealed record BoardLine(string Ward, string Official, int Count, TimeSpan MostLate);
