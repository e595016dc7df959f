using ResidentBot.Routing.Calendar;

namespace ResidentBot.Routing.When;

/// <summary>
/// Office time in the city's time zone: office periods on working days, minus holidays, plus make-up
/// working days. Instants in, UTC instants out.
/// </summary>
public sealed class WorkingCalendar
{
    // A calendar with no working day in ten years is a directory defect, not a reason to loop forever.
    private const int MaxDaysSearched = 3660;

    private readonly IReadOnlyList<(TimeSpan Start, TimeSpan End)> _periods;
    private readonly IReadOnlySet<DayOfWeek> _workingDays;
    private readonly Dictionary<DateOnly, bool> _exceptions;

    public WorkingCalendar(CalendarSettings settings, IEnumerable<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(holidays);
        TimeZone = CalendarParser.TimeZone(settings.TimeZoneId);
        _periods = CalendarParser.OfficeHours(settings.OfficeHours);
        _workingDays = CalendarParser.WorkingDays(settings.WorkingDays);
        _exceptions = holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.Last().IsWorkingDay);
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Office time in one working day (7h30 for 07:30–11:30 and 13:30–17:00).</summary>
    public TimeSpan WorkingDayLength => TimeSpan.FromTicks(_periods.Sum(p => (p.End - p.Start).Ticks));

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : _workingDays.Contains(date.DayOfWeek);

    /// <summary>The instant when <paramref name="duration"/> of office time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var local = TimeZoneInfo.ConvertTime(start, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var from = local.TimeOfDay;
        var remaining = duration;
        for (var day = 0; day < MaxDaysSearched; day++, date = date.AddDays(1), from = TimeSpan.Zero)
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var (periodStart, periodEnd) in _periods.Where(p => p.End > from))
            {
                var begin = periodStart > from ? periodStart : from;
                var available = periodEnd - begin;
                if (remaining <= available)
                {
                    return ToUtc(date, begin + remaining);
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException($"The working calendar has no office time within {MaxDaysSearched} days of {start:O}.");
    }

    /// <summary>
    /// The latest instant with exactly <paramref name="duration"/> of office time between it and <paramref name="end"/>:
    /// <see cref="AddWorkingTime"/> counted backwards.
    /// </summary>
    public DateTimeOffset SubtractWorkingTime(DateTimeOffset end, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return end.ToUniversalTime();
        }

        var local = TimeZoneInfo.ConvertTime(end, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var until = local.TimeOfDay;
        var remaining = duration;
        for (var day = 0; day < MaxDaysSearched; day++, date = date.AddDays(-1), until = TimeSpan.FromDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var (periodStart, periodEnd) in _periods.Reverse().Where(p => p.Start < until))
            {
                var finish = periodEnd < until ? periodEnd : until;
                var available = finish - periodStart;
                if (remaining <= available)
                {
                    return ToUtc(date, finish - remaining);
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException($"The working calendar has no office time within {MaxDaysSearched} days before {end:O}.");
    }

    /// <summary>Office time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var start = TimeZoneInfo.ConvertTime(from, TimeZone).DateTime;
        var end = TimeZoneInfo.ConvertTime(to, TimeZone).DateTime;
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(start); date <= DateOnly.FromDateTime(end); date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            var midnight = date.ToDateTime(TimeOnly.MinValue);
            foreach (var (periodStart, periodEnd) in _periods)
            {
                var begin = Max(midnight + periodStart, start);
                var finish = Min(midnight + periodEnd, end);
                if (finish > begin)
                {
                    total += finish - begin;
                }
            }
        }

        return total;
    }

    // Office hours are wall-clock times; a DST jump inside office hours (not in Vietnam) would stretch one period.
    private DateTimeOffset ToUtc(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
