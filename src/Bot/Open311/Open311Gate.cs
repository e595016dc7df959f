using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Open311.Keys;
using ResidentBot.Bot.Open311.Wire;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Open311;

/// <summary>
/// What every Open311 endpoint checks first, in the spec's order: the format (.json/.xml), the jurisdiction, the API
/// key (403 when missing where required, or wrong, or revoked), then the rate limit per key — or per client address
/// without a key, which also counts wrong keys, so guessing is slowed too. The limit uses ASP.NET Core's partitioned
/// rate limiter here rather than as middleware: POST carries its key in the form body, which the middleware's
/// synchronous partitioner cannot read.
/// </summary>
internal sealed class Open311Gate(Open311Keys keys, CurrentRouting routing, Open311Limiter limiter, IOptions<Open311Options> options)
{
    public async Task<(Open311Call? Call, IResult? Refusal)> EnterAsync(
        HttpContext http, string extension, string? apiKey, bool keyRequired, string? jurisdiction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var language = Texts.Normalize(http.Request.Headers.AcceptLanguage.ToString());
        if (GeoReportFormats.Parse(extension) is not { } format)
        {
            return (null, GeoReportErrors.BadRequest(GeoReportFormat.Json, Texts.Get(language, "Open311.Error.Format")));
        }

        if (options.Value.JurisdictionId is { Length: > 0 } served && !string.IsNullOrWhiteSpace(jurisdiction)
            && !string.Equals(jurisdiction.Trim(), served, StringComparison.OrdinalIgnoreCase))
        {
            return (null, GeoReportErrors.NotFound(format, Texts.Format(language, "Open311.Error.Jurisdiction", Clip(jurisdiction))));
        }

        var key = await keys.FindAsync(apiKey, cancellationToken);
        var presented = !string.IsNullOrWhiteSpace(apiKey);
        using var lease = limiter.Acquire(key is not null ? "key:" + key.Id.ToString(CultureInfo.InvariantCulture) : "ip:" + http.Connection.RemoteIpAddress);
        if (!lease.IsAcquired)
        {
            var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return (null, GeoReportErrors.Of(format, StatusCodes.Status429TooManyRequests, Texts.Format(language, "Open311.Error.RateLimited", seconds)));
        }

        if (presented && key is null)
        {
            return (null, GeoReportErrors.Forbidden(format, Texts.Get(language, "Open311.Error.BadKey")));
        }

        if (keyRequired && key is null)
        {
            return (null, GeoReportErrors.Forbidden(format, Texts.Get(language, "Open311.Error.NoKey")));
        }

        var engine = await routing.GetAsync(cancellationToken);
        return (new Open311Call(format, language, key, engine.Calendar.TimeZone), null);
    }

    /// <summary>Client text echoed in an error, kept short.</summary>
    public static string Clip(string text) => text.Length > 80 ? text[..80] + "…" : text;
}

/// <summary>Fixed one-minute windows of <see cref="Open311Options.PermitsPerMinute"/> permits per partition (a key, or a client address).</summary>
internal sealed class Open311Limiter(IOptions<Open311Options> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(partition =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string partition) => limiter.AttemptAcquire(partition);

    public void Dispose() => limiter.Dispose();
}
