using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;
using ResidentBot.Bot.Chase.Scorecard;

namespace ResidentBot.Bot.WebConsole.Board;

/// <summary>A supervisor's scorecard for a period, as computed at <see cref="ComputedAt"/>.</summary>
[ImmutableObject(true)] // HybridCache then keeps the instance itself, not a serialised copy it reads back on each hit
internal sealed record ScorecardSnapshot(DateTimeOffset ComputedAt, IReadOnlyList<ScoreLine> Lines);

/// <summary>
/// The board's scorecard, computed once a minute per supervisor and period. One view of the board asks for it three
/// times (the page, its chart, and a CSV download if wanted), and a city's week is tens of thousands of cases read
/// row by row (<see cref="BoardData.ScorecardAsync"/>): about 100 ms on the benchmark's 1,000,000 cases, against
/// 15 ms for the rest of the page. HybridCache (Microsoft.Extensions.Caching.Hybrid) also makes requests that arrive
/// together wait for one computation instead of each running its own. Each host keeps its own copy; the page says
/// when its figures were computed.
/// </summary>
internal sealed class BoardScorecards(HybridCache cache, IServiceScopeFactory scopes, TimeProvider time)
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    public async Task<ScorecardSnapshot> GetAsync(int supervisorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            $"console:scorecard:{supervisorId}:{from.UtcTicks}:{to.UtcTicks}",
            (Self: this, supervisorId, from, to),
            static (state, ct) => new ValueTask<ScorecardSnapshot>(state.Self.ComputeAsync(state.supervisorId, state.from, state.to, ct)),
            Entry,
            cancellationToken: cancellationToken);

    // In a scope of its own: the computation is shared by every request waiting on it, so it must not use (and outlive)
    // the database context of the request that happened to start it.
    private async Task<ScorecardSnapshot> ComputeAsync(int supervisorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var computedAt = time.GetUtcNow();
        var lines = await scope.ServiceProvider.GetRequiredService<BoardData>().ScorecardAsync(supervisorId, from, to, cancellationToken);
        return new ScorecardSnapshot(computedAt, lines);
    }
}
