using System.Text.RegularExpressions;

namespace ResidentBot.Persistence.DirectoryImport;

internal sealed partial class DirectoryValidator
{
    private void Error(string path, string message) => errors.Add(new DirectoryError(file, lines.LineOf(path), path, message));

    private string? Required(string? value, string path)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Error(path, "is required");
            return null;
        }

        return trimmed;
    }

    /// <summary>Typos in field names would otherwise be ignored silently; '_'-prefixed members are notes.</summary>
    private void Unknown(DirectoryNode node, string path)
    {
        foreach (var name in node.Extra?.Keys ?? Enumerable.Empty<string>())
        {
            if (!name.StartsWith('_'))
            {
                Error($"{path}.{name}", "unknown field (notes for people start with '_')");
            }
        }
    }

    private string? Code(string? value, string path, HashSet<string> seen)
    {
        if (Required(value, path) is not { } code)
        {
            return null;
        }

        if (!CodePattern().IsMatch(code))
        {
            Error(path, $"'{code}' may hold only letters, digits, '.', '_' and '-'");
            return null;
        }

        if (!seen.Add(code))
        {
            Error(path, $"duplicate code '{code}'");
            return null;
        }

        return code;
    }

    private IEnumerable<(T Item, int Index)> Items<T>(List<T>? list, string path)
    {
        if (list is null || list.Count == 0)
        {
            Error(path, "needs at least one entry");
            return [];
        }

        return list.Select((item, index) => (item, index));
    }

    private IEnumerable<(T Node, string Path)> Nodes<T>(List<T?>? list, string path)
        where T : DirectoryNode
    {
        foreach (var (node, i) in Items(list, path))
        {
            var at = $"{path}[{i}]";
            if (node is null)
            {
                Error(at, "must be an object");
                continue;
            }

            Unknown(node, at);
            yield return (node, at);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();
}
