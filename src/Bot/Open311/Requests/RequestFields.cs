using ResidentBot.Bot.Open311.Wire;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Engine;
using ResidentBot.Routing.Open311;
using ResidentBot.Routing.Results;

namespace ResidentBot.Bot.Open311.Requests;

/// <summary>
/// A service request's fields, in the spec's order. The client that sent the case sees it in full: its description,
/// the exact point and address it gave, its media link and the status notes (the officials' replies and the result).
/// A case its resident agreed to publish shows what the results page shows (<see cref="Public.PublishedCases"/>): the
/// description and the officials' notes, the ward as the address, the point rounded by <see cref="PlaceRounding"/>.
/// Anyone else sees what the tracking code already makes public: the service, status, accountable title, dates, the
/// ward as the address and the point rounded to about 100 m (<see cref="PlacePrivacy"/>). Never the reporter: the
/// spec's fields have none, and the typed address, the exact point and the resident's photos stay out.
/// </summary>
internal static class RequestFields
{
    public static GeoField[] For(Open311Call call, RequestRecord record, RoutingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(engine);
        var (c, zone, language) = (record.Case, call.Zone, call.Language);
        var full = call.Owns(record.Origin);
        var published = !full && c.PublicationConsent;
        var officials = engine.Directory.OfficialsById;
        var category = engine.Directory.CategoriesById.GetValueOrDefault(c.CategoryId);
        var area = engine.Directory.AreasById.GetValueOrDefault(c.AreaId)?.Name;
        var title = UpdateText.Title(c.AccountableOfficialId, officials);
        var updated = record.Updates.Count > 0 ? record.Updates[^1].At : c.CreatedAt;
        var notes = string.Join("\n", record.Updates.Where(u => UpdateText.Notes.Contains(u.Kind)).Select(u => UpdateText.Describe(language, u, officials)));
        var open = GeoReportStatus.Of(c.Status) == GeoReportStatus.Open;
        return
        [
            GeoField.Text("service_request_id", c.TrackingCode),
            GeoField.Text("status", GeoReportStatus.Of(c.Status)),
            GeoField.Text("status_notes", (full || published) && notes.Length > 0 ? notes : null),
            GeoField.Text("service_name", category is null ? null : language == Texts.English ? category.NameEn : category.NameVi),
            GeoField.Text("service_code", category?.Code),
            GeoField.Text("description", full || published ? c.Description : null),
            GeoField.Text("agency_responsible", title),
            GeoField.Text("service_notice", open ? Open311Intake.Notice(language, c.TrackingCode, title, c.AcknowledgeDueAt, c.ResolveDueAt, zone) : null),
            GeoField.Text("requested_datetime", W3CDate.Format(c.CreatedAt, zone)),
            GeoField.Text("updated_datetime", W3CDate.Format(updated, zone)),
            GeoField.Text("expected_datetime", W3CDate.Format(c.ResolveDueAt, zone)),
            GeoField.Text("address", full && c.AddressText is { } typed ? typed : area),
            GeoField.Text("address_id", null),
            GeoField.Text("zipcode", null),
            GeoField.Number("lat", full ? c.Latitude : published ? Rounded(c.Latitude) : PlacePrivacy.Rounded(c.Latitude)),
            GeoField.Number("long", full ? c.Longitude : published ? Rounded(c.Longitude) : PlacePrivacy.Rounded(c.Longitude)),
            GeoField.Text("media_url", full ? record.Origin?.MediaUrl : null),
        ];
    }

    private static double? Rounded(double? degrees) => degrees is { } value ? PlaceRounding.Round(value) : null;
}
