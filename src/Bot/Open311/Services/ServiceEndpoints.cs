using Microsoft.AspNetCore.Mvc;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Open311.Wire;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Categories;

namespace ResidentBot.Bot.Open311.Services;

/// <summary>
/// <c>GET services.{format}</c>: the directory's categories as GeoReport v2 services (all <c>realtime</c>: the tracking
/// code comes back at once), and <c>GET services/{code}.{format}</c>: a service's definition. No category has extra
/// attributes, so <c>metadata</c> is false and a definition's <c>attributes</c> list is empty; an unknown code is a 404.
/// </summary>
internal static class ServiceEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/services.{format}", ListAsync);
        group.MapGet("/services/{code}.{format}", DefinitionAsync);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, string format, [FromQuery(Name = "api_key")] string? apiKey, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction,
        Open311Gate gate, CurrentRouting routing, CancellationToken cancellationToken)
    {
        var (call, refusal) = await gate.EnterAsync(http, format, apiKey, keyRequired: false, jurisdiction, cancellationToken);
        if (call is null)
        {
            return refusal!;
        }

        var engine = await routing.GetAsync(cancellationToken);
        var services = engine.Directory.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Code).Select(c => Fields(c, call.Language));
        return GeoReportWriter.List(call.Format, "services", "service", services);
    }

    private static async Task<IResult> DefinitionAsync(
        HttpContext http, string code, string format, [FromQuery(Name = "api_key")] string? apiKey, [FromQuery(Name = "jurisdiction_id")] string? jurisdiction,
        Open311Gate gate, CurrentRouting routing, CancellationToken cancellationToken)
    {
        var (call, refusal) = await gate.EnterAsync(http, format, apiKey, keyRequired: false, jurisdiction, cancellationToken);
        if (call is null)
        {
            return refusal!;
        }

        var engine = await routing.GetAsync(cancellationToken);
        if (!engine.Directory.CategoriesByCode.ContainsKey(code))
        {
            return GeoReportErrors.NotFound(call.Format, Texts.Format(call.Language, "Open311.Error.UnknownService", Open311Gate.Clip(code)));
        }

        return GeoReportWriter.Single(call.Format, "service_definition",
            [GeoField.Text("service_code", code), new GeoField("attributes", new GeoList("attribute", []))]);
    }

    // Office-time deadlines count working hours (a directory "day" is a working day), so they read in working hours.
    private static string Description(Category category, string language) => category.RoundTheClock
        ? Texts.Format(language, "Open311.Service.DescriptionRoundTheClock",
            TimeText.Duration(language, category.AcknowledgeWithin), TimeText.Duration(language, category.ResolveWithin))
        : Texts.Format(language, "Open311.Service.Description", category.AcknowledgeWithin.TotalHours, category.ResolveWithin.TotalHours);

    private static GeoField[] Fields(Category category, string language) =>
    [
        GeoField.Text("service_code", category.Code),
        GeoField.Text("service_name", language == Texts.English ? category.NameEn : category.NameVi),
        GeoField.Text("description", Description(category, language)),
        GeoField.Flag("metadata", false),
        GeoField.Text("type", "realtime"),
        GeoField.Text("keywords", $"{category.NameVi}, {category.NameEn}"),
        GeoField.Text("group", null),
    ];
}
