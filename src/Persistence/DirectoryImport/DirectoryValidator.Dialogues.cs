using System.Text.Json;
using ResidentBot.Routing.Areas;

namespace ResidentBot.Persistence.DirectoryImport;

internal sealed partial class DirectoryValidator
{
    /// <summary>A year has room for one dialogue a week at most; more is a typo.</summary>
    public const int MaxDialoguesPerYear = 52;

    // "areaLevels": [{"level": "ward", "dialoguesPerYear": 2}] sets the minimum of every ward; an area's own
    // "dialoguesPerYear" beats its level's. Each area keeps the figure that applies to it.
    private void ApplyDialogueMinimums(List<AreaLevelNode?>? nodes, List<ParsedArea> areas)
    {
        var byLevel = new Dictionary<AreaLevel, int>();
        for (var i = 0; nodes is not null && i < nodes.Count; i++)
        {
            var at = $"$.areaLevels[{i}]";
            if (nodes[i] is not { } node)
            {
                Error(at, "must be an object");
                continue;
            }

            Unknown(node, at);
            var minimum = DialoguesPerYear(node.DialoguesPerYear, at + ".dialoguesPerYear");
            if (Required(node.Level, at + ".level") is not { } text)
            {
                continue;
            }

            if (!Enum.TryParse<AreaLevel>(text, ignoreCase: true, out var level) || !Enum.IsDefined(level) || char.IsDigit(text[0]))
            {
                Error(at + ".level", $"'{text}' must be province, district, ward or commune");
            }
            else if (byLevel.ContainsKey(level))
            {
                Error(at + ".level", $"level '{text}' is listed twice");
            }
            else if (minimum is { } value)
            {
                byLevel[level] = value;
            }
        }

        foreach (var area in areas.Where(a => a.DialoguesPerYear is null))
        {
            area.DialoguesPerYear = byLevel.TryGetValue(area.Level, out var value) ? value : null;
        }
    }

    private int? DialoguesPerYear(JsonElement? element, string path)
    {
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count is >= 0 and <= MaxDialoguesPerYear)
        {
            return count;
        }

        Error(path, $"'{value.GetRawText()}' must be a whole number of dialogues a year from 0 to {MaxDialoguesPerYear}");
        return null;
    }
}
