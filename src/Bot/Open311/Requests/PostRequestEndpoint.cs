using Microsoft.AspNetCore.Http.Features;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Open311.Wire;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Engine;
using ResidentBot.Routing.Where;

namespace ResidentBot.Bot.Open311.Requests;

/// <summary>
/// <c>POST requests.{format}</c>: a form-encoded report with an API key, routed by the same engine as the bot's
/// reports to the one accountable official, answered <c>[{service_request_id, service_notice, account_id}]</c>. The
/// place is the point when one is given and lies in an area, else the address text; a text that matches several areas
/// is refused with their names (a client cannot be asked to choose, as a chat resident is). Every refusal comes before
/// anything is stored.
/// </summary>
internal static class PostRequestEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/requests.{format}", PostAsync);

    private static async Task<IResult> PostAsync(
        HttpContext http, string format, Open311Gate gate, CurrentRouting routing, Open311Intake intake, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = Texts.Normalize(http.Request.Headers.AcceptLanguage.ToString());
        var asked = GeoReportFormats.Parse(format) ?? GeoReportFormat.Json;
        IFormCollection form;
        try
        {
            if (!http.Request.HasFormContentType)
            {
                return GeoReportErrors.BadRequest(asked, Texts.Get(language, "Open311.Error.BadForm"));
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = RequestForm.MaxBodyBytes;
            }

            form = await http.Request.ReadFormAsync(RequestForm.Limits, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return GeoReportErrors.BadRequest(asked, Texts.Get(language, "Open311.Error.BadForm"));
        }

        var (apiKey, jurisdiction) = RequestForm.Credentials(form);
        var (call, refusal) = await gate.EnterAsync(http, format, apiKey, keyRequired: true, jurisdiction, cancellationToken);
        if (call is null)
        {
            return refusal!;
        }

        if (RequestForm.Read(form, call.Language, out var problem) is not { } request)
        {
            return GeoReportErrors.BadRequest(call.Format, problem!);
        }

        var engine = await routing.GetAsync(cancellationToken);
        if (!engine.Directory.CategoriesByCode.ContainsKey(request.ServiceCode))
        {
            return GeoReportErrors.NotFound(call.Format, Texts.Format(call.Language, "Open311.Error.UnknownService", Open311Gate.Clip(request.ServiceCode)));
        }

        var now = time.GetUtcNow();
        var outcome = Route(engine, request, now);
        if (!outcome.IsRouted)
        {
            return GeoReportErrors.BadRequest(call.Format, Unrouted(call.Language, request, outcome.Place));
        }

        var (code, notice) = await intake.SubmitAsync(call, request, outcome.Decision, cancellationToken);
        return GeoReportWriter.List(call.Format, "service_requests", "request",
            [[GeoField.Text("service_request_id", code), GeoField.Text("service_notice", notice), GeoField.Text("account_id", request.AccountId)]]);
    }

    private static RoutingOutcome Route(RoutingEngine engine, RequestForm request, DateTimeOffset now)
    {
        if (request is { Latitude: { } lat, Longitude: { } lng })
        {
            var byPoint = engine.Route(new RoutingRequest(request.ServiceCode, PlaceQuery.ByPoint(lat, lng), now));
            if (byPoint.IsRouted || request.Address is null)
            {
                return byPoint;
            }
        }

        return engine.Route(new RoutingRequest(request.ServiceCode, PlaceQuery.ByText(request.Address!), now));
    }

    private static string Unrouted(string language, RequestForm request, AreaMatch place) => place.Kind switch
    {
        AreaMatchKind.Choices => Texts.Format(language, "Open311.Error.AddressAmbiguous", Open311Gate.Clip(request.Address ?? string.Empty),
            string.Join(", ", place.Choices.Select(a => a.Name))),
        _ when request.Address is not null => Texts.Format(language, "Open311.Error.AddressUnknown", Open311Gate.Clip(request.Address)),
        _ => Texts.Get(language, "Open311.Error.PointOutside"),
    };
}
