using System.Text.Json;

namespace ResidentBot.Persistence.DirectoryImport;

/// <summary>
/// Line numbers of every JSON path in a document (<c>$.areas[3].parent</c> → 57), so validation errors
/// found after deserialization can still point a person at the line to edit.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest ancestor that exists in the file.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }

        return null;
    }

    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(utf8, options);
        var frames = new Stack<Frame>();
        string? pendingProperty = null;
        var line = 1;
        var scanned = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            line += utf8[scanned..start].Count((byte)'\n');
            scanned = start;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = frames.Peek().Path + "." + reader.GetString();
                    map.lines.TryAdd(pendingProperty, line);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                case JsonTokenType.Comment:
                    break;
                default:
                    var path = frames.Count == 0 ? "$"
                        : frames.Peek() is { IsArray: true } array ? $"{array.Path}[{array.Index++}]"
                        : pendingProperty ?? "$";
                    map.lines.TryAdd(path, line);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    }

                    break;
            }
        }

        return map;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; }
    }
}
