using System.Globalization;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Open311.Wire;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Open311;

namespace ResidentBot.Bot.Open311.Requests;

/// <summary>
/// <c>GET requests.{format}</c> (by <c>service_request_id</c> list, or by <c>service_code</c>, <c>status</c> and a
/// <c>start_date</c>–<c>end_date</c> window of at most 90 days, newest first, paged with <c>page</c>/<c>page_size</c>) and
/// <c>GET requests/{id}.{format}</c>. No key is needed to read; a client's own key shows its own cases in full
/// (<see cref="RequestFields"/>).
/// </summary>
internal static class RequestQueryEndpoints
{
    public const int MaxIds = 100;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/requests.{format}", ListAsync);
        group.MapGet("/requests/{id}.{format}", OneAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, string format, Open311Gate gate, CurrentRouting routing, RequestRecords records,
        IOptions<Open311Options> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var (call, refusal) = await gate.EnterAsync(http, format, query["api_key"], keyRequired: false, query["jurisdiction_id"], cancellationToken);
        if (call is null)
        {
            return refusal!;
        }

        var engine = await routing.GetAsync(cancellationToken);
        if (Filter(call, query, engine.Directory.CategoriesByCode, options.Value, time.GetUtcNow(), out var problem) is not { } filter)
        {
            return GeoReportErrors.BadRequest(call.Format, problem!);
        }

        var found = await records.FindAsync(filter, cancellationToken);
        return GeoReportWriter.List(call.Format, "service_requests", "request", found.Select(r => RequestFields.For(call, r, engine)));
    }

    private static async Task<IResult> OneAsync(HttpContext http, string id, string format, Open311Gate gate, CurrentRouting routing, RequestRecords records,
        CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var (call, refusal) = await gate.EnterAsync(http, format, query["api_key"], keyRequired: false, query["jurisdiction_id"], cancellationToken);
        if (call is null)
        {
            return refusal!;
        }

        var engine = await routing.GetAsync(cancellationToken);
        if (await records.FindAsync(id.Trim(), cancellationToken) is not { } record)
        {
            return GeoReportErrors.NotFound(call.Format, Texts.Format(call.Language, "Open311.Error.UnknownRequest", Open311Gate.Clip(id)));
        }

        return GeoReportWriter.List(call.Format, "service_requests", "request", [RequestFields.For(call, record, engine)]);
    }

    private static RequestFilter? Filter(Open311Call call, IQueryCollection query, IReadOnlyDictionary<string, Routing.Categories.Category> categories,
        Open311Options options, DateTimeOffset now, out string? problem)
    {
        problem = null;
        var language = call.Language;
        var ids = List(query["service_request_id"]);
        if (ids.Count > MaxIds)
        {
            problem = Texts.Format(language, "Open311.Error.TooManyIds", MaxIds);
            return null;
        }

        var categoryIds = new List<int>();
        foreach (var code in List(query["service_code"]))
        {
            // An unknown service code matches nothing, as a filter should; it is not an error.
            categoryIds.Add(categories.TryGetValue(code, out var category) ? category.Id : -1);
        }

        var statuses = List(query["status"]);
        if (statuses.Any(s => !GeoReportStatus.IsKnown(s)))
        {
            problem = Texts.Get(language, "Open311.Error.BadStatus");
            return null;
        }

        IReadOnlyList<CaseStatus>? wanted = statuses.Distinct().Count() == 1
            ? statuses[0] == GeoReportStatus.Closed ? GeoReportStatus.ClosedStatuses : [.. Enum.GetValues<CaseStatus>().Except(GeoReportStatus.ClosedStatuses)]
            : null;
        if (!TryDate(query, "start_date", call.Zone, out var start, out problem, language) || !TryDate(query, "end_date", call.Zone, out var end, out problem, language))
        {
            return null;
        }

        if (RequestWindow.Resolve(start, end, now, out var window) is not { } span)
        {
            problem = window == WindowProblem.TooLong
                ? Texts.Format(language, "Open311.Error.WindowTooLong", RequestWindow.MaxSpan.TotalDays)
                : Texts.Get(language, "Open311.Error.EndBeforeStart");
            return null;
        }

        if (!TryPositive(query["page"], 1, int.MaxValue / Open311Options.MaxPageSize, out var page)
            || !TryPositive(query["page_size"], options.DefaultPageSize, Open311Options.MaxPageSize, out var size))
        {
            problem = Texts.Format(language, "Open311.Error.BadPage", Open311Options.MaxPageSize);
            return null;
        }

        return new RequestFilter(ids, categoryIds, wanted, span.From, span.To, page, size);
    }

    private static List<string> List(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static bool TryDate(IQueryCollection query, string name, TimeZoneInfo zone, out DateTimeOffset? value, out string? problem, string language)
    {
        (value, problem) = (null, null);
        if (query[name].ToString() is not { Length: > 0 } text)
        {
            return true;
        }

        if (W3CDate.TryParse(text, zone, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Texts.Format(language, "Open311.Error.BadDate", name);
        return false;
    }

    private static bool TryPositive(string? text, int fallback, int max, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
    }
}
