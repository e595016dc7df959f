using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.DirectoryImport;

internal sealed partial class DirectoryValidator
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private readonly Dictionary<string, string> areaPaths = new(StringComparer.OrdinalIgnoreCase);

    private List<ParsedArea> ValidateAreas(List<AreaNode?>? nodes)
    {
        var result = new List<ParsedArea>();
        var parents = new List<(ParsedArea Area, string Path)>();
        foreach (var (node, at) in Nodes(nodes, "$.areas"))
        {
            var code = Code(node.Code, at + ".code", areaCodes);
            var name = Required(node.Name, at + ".name");
            AreaLevel? level = null;
            if (Required(node.Level, at + ".level") is { } levelText)
            {
                level = Enum.TryParse<AreaLevel>(levelText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(levelText[0])
                    ? parsed
                    : Fail<AreaLevel?>(at + ".level", $"'{levelText}' must be province, district, ward or commune");
            }

            var aliases = (node.Aliases ?? []).Select(a => a?.Trim()).OfType<string>().Where(a => a.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var boundary = node.Boundary is { ValueKind: not JsonValueKind.Null } element ? ValidateBoundary(element, at + ".boundary") : null;
            if (code is null || name is null || level is null)
            {
                continue;
            }

            var area = new ParsedArea(code, name, level.Value, string.IsNullOrWhiteSpace(node.Parent) ? null : node.Parent.Trim(), aliases, boundary)
            {
                DialoguesPerYear = DialoguesPerYear(node.DialoguesPerYear, at + ".dialoguesPerYear"),
            };
            areaPaths[code] = at;
            result.Add(area);
            parents.Add((area, at + ".parent"));
        }

        foreach (var (area, path) in parents.Where(p => p.Area.ParentCode is not null && !areaCodes.Contains(p.Area.ParentCode)))
        {
            Error(path, $"unknown parent area '{area.ParentCode}'");
        }

        CheckCycles(result);
        return result;
    }

    private void CheckCycles(List<ParsedArea> areas)
    {
        var byCode = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var start in areas)
        {
            var chain = new List<string>();
            for (var area = start; area is not null; area = area.ParentCode is { } p ? byCode.GetValueOrDefault(p) : null)
            {
                if (chain.Contains(area.Code, StringComparer.OrdinalIgnoreCase))
                {
                    if (reported.Add(area.Code))
                    {
                        chain.Add(area.Code);
                        Error(areaPaths[start.Code] + ".parent", $"cycle in the area tree: {string.Join(" → ", chain)}");
                        chain.ForEach(c => reported.Add(c));
                    }

                    break;
                }

                chain.Add(area.Code);
            }
        }
    }

    private string? ValidateBoundary(JsonElement element, string path)
    {
        try
        {
            var geometry = element.Deserialize<Geometry>(GeoJson);
            var envelope = geometry?.EnvelopeInternal;
            if (geometry is not (Polygon or MultiPolygon))
            {
                Error(path, "must be a GeoJSON Polygon or MultiPolygon geometry");
            }
            else if (!geometry.IsValid)
            {
                Error(path, "is not a valid polygon (self-intersecting, unclosed ring or too few points)");
            }
            else if (envelope is null || envelope.MinX < -180 || envelope.MaxX > 180 || envelope.MinY < -90 || envelope.MaxY > 90)
            {
                Error(path, "coordinates must be [longitude, latitude] in WGS 84");
            }
            else
            {
                return element.GetRawText();
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            Error(path, $"is not valid GeoJSON: {ex.Message}");
        }

        return null;
    }

    private void CheckRootLeaders(List<ParsedArea> areas, List<ParsedOfficial> officials)
    {
        foreach (var root in areas.Where(a => a.ParentCode is null))
        {
            var hasLeader = officials.SelectMany(o => o.Posts).Any(p =>
                p.Kind == PostKind.Leader && p.ValidFrom is null && p.ValidTo is null
                && string.Equals(p.AreaCode, root.Code, StringComparison.OrdinalIgnoreCase));
            if (!hasLeader)
            {
                Error(areaPaths[root.Code], $"root area '{root.Code}' needs a leader post without validFrom/validTo, "
                    + "so that every case always has someone accountable");
            }
        }
    }

    private T Fail<T>(string path, string message)
    {
        Error(path, message);
        return default!;
    }
}
