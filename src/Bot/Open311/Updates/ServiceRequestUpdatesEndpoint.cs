using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Open311.Requests;
using ResidentBot.Bot.Open311.Wire;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Open311;

namespace ResidentBot.Bot.Open311.Updates;

/// <summary>
/// FixMyStreet's extension <c>GET servicerequestupdates.{format}?start_date&amp;end_date</c>: the updates of the
/// caller's own requests and of the cases residents agreed to publish, in the window (at most 90 days; the last 90
/// without dates), oldest first, each with the status of mySociety's list (<see cref="UpdateStatus"/>) and the
/// officials' words. A key is required: updates carry what officials told the reporter, and another client's requests
/// stay out.
/// </summary>
internal static class ServiceRequestUpdatesEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/servicerequestupdates.{format}", ListAsync);

    private static async Task<IResult> ListAsync(HttpContext http, string format, Open311Gate gate, CurrentRouting routing, RequestRecords records,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var (call, refusal) = await gate.EnterAsync(http, format, query["api_key"], keyRequired: true, query["jurisdiction_id"], cancellationToken);
        if (call is null)
        {
            return refusal!;
        }

        DateTimeOffset? start = null, end = null;
        foreach (var name in new[] { "start_date", "end_date" })
        {
            if (query[name].ToString() is not { Length: > 0 } text)
            {
                continue;
            }

            if (!W3CDate.TryParse(text, call.Zone, out var parsed))
            {
                return GeoReportErrors.BadRequest(call.Format, Texts.Format(call.Language, "Open311.Error.BadDate", name));
            }

            if (name == "start_date")
            {
                start = parsed;
            }
            else
            {
                end = parsed;
            }
        }

        if (RequestWindow.Resolve(start, end, time.GetUtcNow(), out var problem) is not { } window)
        {
            return GeoReportErrors.BadRequest(call.Format, problem == WindowProblem.TooLong
                ? Texts.Format(call.Language, "Open311.Error.WindowTooLong", RequestWindow.MaxSpan.TotalDays)
                : Texts.Get(call.Language, "Open311.Error.EndBeforeStart"));
        }

        var engine = await routing.GetAsync(cancellationToken);
        var officials = engine.Directory.OfficialsById;
        var updates = await records.UpdatesAsync(call.Key!.Id, window.From, window.To, cancellationToken);
        return GeoReportWriter.List(call.Format, "service_requests_updates", "request_update", updates.Select(u => (IReadOnlyList<GeoField>)
        [
            GeoField.Text("update_id", u.Line.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            GeoField.Text("service_request_id", u.TrackingCode),
            GeoField.Text("status", UpdateStatus.Of(u.Line.Kind)),
            GeoField.Text("updated_datetime", W3CDate.Format(u.Line.At, call.Zone)),
            GeoField.Text("description", UpdateText.Describe(call.Language, u.Line, officials)),
            GeoField.Text("media_url", null),
        ]));
    }
}
