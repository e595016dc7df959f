using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Public;

/// <summary>
/// <c>/public</c> and what it links to. Every answer comes from the last refresh (<see cref="PublicResults"/>), except a
/// result photo, which is looked up by id and served only when it is an official's photo on a published resolved case.
/// </summary>
internal static class PublicEndpoints
{
    public const string Path = "/public";

    public static WebApplication MapPublicResults(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<PublicOptions>>().Value.Enabled)
        {
            return app;
        }

        var group = app.MapGroup(Path).ExcludeFromDescription();
        group.MapGet("", PageAsync);
        group.MapGet("/trend.svg", (string? lang, PublicResults results, IOptions<PublicOptions> options, HttpResponse response) =>
            Image(results.Current.Images?.Trend(Texts.Normalize(lang)), options.Value, response));
        group.MapGet("/map.svg", (PublicResults results, IOptions<PublicOptions> options, HttpResponse response) =>
            Image(results.Current.Images?.Map, options.Value, response));
        group.MapGet("/map.geojson", (PublicResults results, HttpResponse response) =>
        {
            NoSniff(response);
            return Results.Text(PublicGeoJson.Of(results.Current.Map), "application/geo+json");
        });
        group.MapGet("/photos/{id:long}", PhotoAsync);
        group.MapGet("/public.css", (HttpResponse response) => Asset(response, "public.css", "text/css; charset=utf-8"));
        group.MapGet("/public-map.js", (HttpResponse response) => Asset(response, "public-map.js", "text/javascript; charset=utf-8"));
        return app;
    }

    private static async Task<RazorComponentResult<PublicPage>> PageAsync(string? lang, PublicResults results, CurrentRouting routing,
        IOptions<PublicOptions> options, HttpResponse response, CancellationToken cancellationToken)
    {
        var language = Texts.Normalize(lang);
        var zone = (await routing.GetAsync(cancellationToken)).Calendar.TimeZone;
        var tiles = string.IsNullOrWhiteSpace(options.Value.TileUrl) ? null : options.Value.TileUrl;
        NoSniff(response);
        response.Headers.ContentSecurityPolicy = PagePolicy(tiles);
        response.Headers.CacheControl = "no-cache";
        return new RazorComponentResult<PublicPage>(new Dictionary<string, object?>
        {
            [nameof(PublicPage.Snapshot)] = results.Current,
            [nameof(PublicPage.F)] = new PublicFormat(language, zone),
            [nameof(PublicPage.TileUrl)] = tiles,
            [nameof(PublicPage.TileAttribution)] = options.Value.TileAttribution,
        });
    }

    private static async Task<IResult> PhotoAsync(long id, ResidentBotDbContext db, IAttachmentStore store, HttpResponse response,
        CancellationToken cancellationToken)
    {
        NoSniff(response);
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        if (await PublishedCases.PhotoRefAsync(db, id, cancellationToken) is not { } photoRef
            || await store.OpenAsync(photoRef, cancellationToken) is not { } photo)
        {
            return Results.NotFound();
        }

        response.Headers.CacheControl = "public, max-age=3600";
        return Results.Stream(photo.Content, photo.ContentType);
    }

    private static IResult Image(string? svg, PublicOptions options, HttpResponse response)
    {
        NoSniff(response);
        if (svg is null)
        {
            return Results.NotFound();
        }

        // Links carry the refresh's version, so a browser may keep an image until the next refresh.
        response.Headers.CacheControl = "public, max-age=" + ((int)options.RefreshInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return Results.Text(svg, "image/svg+xml; charset=utf-8");
    }

    private static IResult Asset(HttpResponse response, string name, string contentType)
    {
        NoSniff(response);
        response.Headers.CacheControl = "public, max-age=3600";
        var stream = typeof(PublicEndpoints).Assembly.GetManifestResourceStream($"ResidentBot.Bot.Public.{name}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }

    // The page has no inline script or style; tiles, when configured, are the one outside source of images.
    internal static string PagePolicy(string? tileUrl)
    {
        var tiles = tileUrl is not null && Uri.TryCreate(tileUrl.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? " " + uri.GetLeftPart(UriPartial.Authority).Replace("://a.", "://*.", StringComparison.Ordinal)
            : string.Empty;
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'{tiles}; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    }

    private static void NoSniff(HttpResponse response) => response.Headers.XContentTypeOptions = "nosniff";
}
