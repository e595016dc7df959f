using System.Runtime.CompilerServices;
using ResidentBot.Bot.Cases;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Results;

namespace ResidentBot.Bot.Public;

/// <summary>
/// The cases reported in one calendar month, tallied per (ward, accountable post) and counted on the map's rounded points:
/// the grain the refresh keeps between runs. Wards, months and the year are sums of these (<see cref="PublicTallies"/>).
/// Memory: a few counters per post and one 8-byte time to resolve per resolved case, plus one entry per map point.
/// </summary>
internal sealed class MonthTally(DateTimeOffset now, DateTimeOffset start, DateTimeOffset? end)
{
    private readonly Dictionary<(int Area, int Official), ResultTally> posts = [];
    private readonly Dictionary<(double Lat, double Lon), (int Open, int Resolved)> cells = [];
    private DateTimeOffset pausedAndResolved = DateTimeOffset.MaxValue;

    public DateTimeOffset Start { get; } = start;

    /// <summary>The next month's start; null for the current month (it takes whatever is reported from its start on).</summary>
    public DateTimeOffset? End { get; } = end;

    public DateTimeOffset BuiltAt => now;

    public int WithoutPoint { get; private set; }

    public IReadOnlyDictionary<(int Area, int Official), ResultTally> Posts => posts;

    public IReadOnlyDictionary<(double Lat, double Lon), (int Open, int Resolved)> Cells => cells;

    /// <summary>Until when these figures hold without a change to one of the month's cases.</summary>
    public DateTimeOffset ValidUntil => posts.Values.Select(p => p.ValidUntil).Append(pausedAndResolved).Min();

    // Called once per case read, a million times in a first refresh: optimised from the start, as CaseScan's loop is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in ScannedCase c)
    {
        // A pause still running adds to the waiting time as the clock goes; it only counts once the case is resolved.
        var running = c.PausedAt is { } from && now > from ? now - from : TimeSpan.Zero;
        if (c.PausedAt is not null && c.ResolvedAt is not null)
        {
            pausedAndResolved = now;
        }

        var facts = new CaseFacts(c.CreatedAt, c.AcknowledgeDueAt, c.AcknowledgedAt, c.ResolveDueAt, c.ResolvedAt, c.Rating, c.PausedFor + running,
            c.ReopenCount);
        var key = (c.AreaId, c.AccountableOfficialId ?? 0);
        if (!posts.TryGetValue(key, out var tally))
        {
            tally = new ResultTally(now);
            posts[key] = tally;
        }

        tally.Add(facts);
        var open = c.Status.IsActive();
        if (!open && c.ResolvedAt is null)
        {
            return; // rejected, or closed without a fix: neither an open nor a resolved dot
        }

        if (c.Latitude is not { } lat || c.Longitude is not { } lon)
        {
            WithoutPoint++;
            return;
        }

        var point = (PlaceRounding.Round(lat), PlaceRounding.Round(lon));
        var (o, r) = cells.GetValueOrDefault(point);
        cells[point] = open ? (o + 1, r) : (o, r + 1);
    }
}
