namespace ResidentBot.Bot.Public;

/// <summary>
/// Keeps the results refresh to a share of one core, as PostgreSQL's autovacuum keeps to its cost limit: after each
/// month it has read, it rests in proportion to the time the read took. The first refresh after a start reads the whole
/// year (a million cases in a large city, seconds of one core); unpaced it took that core from the intake for as long,
/// and on a two-core host intake fell by a quarter while it ran. The page waits a little longer for its first figures.
/// </summary>
internal static class RefreshPacing
{
    /// <summary>How long to rest after <paramref name="worked"/> so the refresh uses at most <paramref name="share"/> of a core.</summary>
    public static TimeSpan RestAfter(TimeSpan worked, double share) =>
        share >= 1 || worked <= TimeSpan.Zero ? TimeSpan.Zero : worked * ((1 - share) / share);

    /// <summary>
    /// Rests on real time, not the host's <see cref="TimeProvider"/>: it paces the use of the processor, which the
    /// domain's clock (fake in tests, and possibly far ahead) has nothing to do with.
    /// </summary>
    public static async Task<TimeSpan> RestAsync(TimeSpan worked, double share, CancellationToken cancellationToken)
    {
        var rest = RestAfter(worked, share);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, cancellationToken);
        }

        return rest;
    }
}
