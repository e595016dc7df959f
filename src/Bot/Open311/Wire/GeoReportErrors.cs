namespace ResidentBot.Bot.Open311.Wire;

/// <summary>
/// GeoReport v2 errors: an array of <c>{code, description}</c> (XML <c>errors/error</c>), with the HTTP status as the
/// code — 403 for a missing or wrong API key, 404 for an unknown service, request or jurisdiction, 400 otherwise.
/// </summary>
internal static class GeoReportErrors
{
    public static IResult Of(GeoReportFormat format, int status, string description) =>
        GeoReportWriter.List(format, "errors", "error",
            [[GeoField.Number("code", status), GeoField.Text("description", description)]], status);

    public static IResult BadRequest(GeoReportFormat format, string description) => Of(format, StatusCodes.Status400BadRequest, description);

    public static IResult Forbidden(GeoReportFormat format, string description) => Of(format, StatusCodes.Status403Forbidden, description);

    public static IResult NotFound(GeoReportFormat format, string description) => Of(format, StatusCodes.Status404NotFound, description);
}
