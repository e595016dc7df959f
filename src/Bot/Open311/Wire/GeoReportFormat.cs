namespace ResidentBot.Bot.Open311.Wire;

/// <summary>The two formats every GeoReport v2 resource comes in, chosen by the path's extension.</summary>
internal enum GeoReportFormat
{
    Json,
    Xml,
}

internal static class GeoReportFormats
{
    /// <summary>The format an extension names; null for any other (the client gets a 400 in JSON).</summary>
    public static GeoReportFormat? Parse(string? extension) => extension?.ToLowerInvariant() switch
    {
        "json" => GeoReportFormat.Json,
        "xml" => GeoReportFormat.Xml,
        _ => null,
    };
}
