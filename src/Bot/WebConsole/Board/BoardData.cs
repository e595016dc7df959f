using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Chase.Digests;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Chase.Scorecard;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
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

    /// <summary>The digest as of now. The query narrows to cases that can be in it (served by the status/area index); the digest decides.</summary>
    public async Task<Digest> DigestAsync(int supervisorId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var directory = (await rules.GetAsync(cancellationToken)).Engine.Directory;
        var areas = SupervisorScope.Of(directory, supervisorId, now).ToList();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Followers)
            .Where(c => CaseStatuses.Open.Contains(c.Status) && areas.Contains(c.AreaId)
                && (c.EscalationLevel > 0 || c.ResolveDueAt <= now || (CaseStatuses.AwaitingAcknowledgement.Contains(c.Status) && c.AcknowledgeDueAt <= now)))
            .AsSplitQuery().ToListAsync(cancellationToken);
        return Digest.Build(cases, directory, new HashSet<long>(), now);
    }

    /// <summary>The scorecard of the cases received in [from, to) in the supervisor's areas, per ward then official.</summary>
    public async Task<IReadOnlyList<ScoreLine>> ScorecardAsync(int supervisorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var directory = (await rules.GetAsync(cancellationToken)).Engine.Directory;
        var areas = SupervisorScope.Of(directory, supervisorId, now).ToList();
        var rows = await db.Cases.AsNoTracking().Where(c => areas.Contains(c.AreaId) && c.CreatedAt >= from && c.CreatedAt < to)
            .Select(c => new { c.AreaId, c.AccountableOfficialId, c.CreatedAt, c.AcknowledgeDueAt, c.AcknowledgedAt, c.ResolveDueAt, c.ResolvedAt, c.Rating, c.PausedFor, c.PausedAt })
            .ToListAsync(cancellationToken);
        return ScorecardCalculator.Lines([.. rows.Select(r => new ScoreCase(directory.AreasById[r.AreaId].Name,
            r.AccountableOfficialId is { } o && directory.OfficialsById.TryGetValue(o, out var official) ? official.Title : "?",
            r.CreatedAt, r.AcknowledgeDueAt, r.AcknowledgedAt, r.ResolveDueAt, r.ResolvedAt, r.Rating,
            r.PausedFor + (r.PausedAt is { } since ? now - since : TimeSpan.Zero)))]);
    }

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
