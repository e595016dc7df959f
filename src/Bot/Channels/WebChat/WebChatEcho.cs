using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// The copy of a posted activity that the log keeps and echoes back, as the Direct Line service does: the fields a
/// client needs to match and render its own message (Web Chat's <c>channelData.clientActivityID</c> and
/// <c>channelData.messageBack.displayText</c>), attributed to the token's user, and each bounded in size so that a
/// client cannot grow the log with large <c>value</c>, <c>entities</c> or <c>channelData</c>.
/// </summary>
internal static class WebChatEcho
{
    private const int MaxValueChars = 1024;
    private const int MaxNameChars = 64;
    private const int MaxClientIdChars = 128;
    private const int MaxDisplayTextChars = 256;
    // "name" is kept for the page's own events (webchat/join, webchat/language).
    private static readonly string[] KeptFields = ["type", "name", "text", "locale", "replyToId", "textFormat"];

    public static JsonObject Of(JsonObject activity, string userId, IReadOnlyList<InboundFile> photos)
    {
        var echo = new JsonObject();
        foreach (var field in KeptFields)
        {
            if (activity[field] is JsonValue node && node.TryGetValue<string>(out _))
            {
                echo[field] = node.DeepClone();
            }
        }

        echo["from"] = new JsonObject { ["id"] = userId, ["name"] = Cut(Str(activity["from"], "name"), MaxNameChars), ["role"] = "user" };
        if (Value(activity["value"]) is { } value)
        {
            echo["value"] = value;
        }

        if (Location(activity["entities"]) is { } location)
        {
            echo["entities"] = new JsonArray(location);
        }

        if (ChannelData(activity["channelData"]) is { Count: > 0 } channelData)
        {
            echo["channelData"] = channelData;
        }

        if (photos.Count > 0)
        {
            // Web Chat draws a user's attachment as a picture only when it has a thumbnail; otherwise as a file to download.
            echo["attachments"] = new JsonArray([.. photos.Select(p => (JsonNode)new JsonObject
            {
                ["contentType"] = p.ContentType,
                ["contentUrl"] = WebChatFiles.UrlOf(p.FileRef),
                ["thumbnailUrl"] = WebChatFiles.UrlOf(p.FileRef),
                ["name"] = WebChatFiles.NameOf(p.FileRef),
            })]);
        }

        return echo;
    }

    /// <summary>A button's value (ours is <c>{"data": …}</c> or <c>{"action": …}</c>); anything larger is dropped.</summary>
    private static JsonNode? Value(JsonNode? value) =>
        value is not null && value.ToJsonString().Length <= MaxValueChars ? value.DeepClone() : null;

    /// <summary>Only a shared location is read from entities (Web Chat also sends its ClientCapabilities).</summary>
    private static JsonObject? Location(JsonNode? entities)
    {
        foreach (var entity in (entities as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Str(entity, "type") == "GeoCoordinates" && Number(entity, "latitude") is { } lat && Number(entity, "longitude") is { } lon)
            {
                return new JsonObject { ["type"] = "GeoCoordinates", ["latitude"] = lat, ["longitude"] = lon };
            }
        }

        return null;
    }

    private static JsonObject ChannelData(JsonNode? channelData)
    {
        var kept = new JsonObject();
        if (channelData is not JsonObject given)
        {
            return kept;
        }

        if (Cut(Str(given, "clientActivityID"), MaxClientIdChars) is { } clientId)
        {
            kept["clientActivityID"] = clientId;
        }

        if (Cut(Str(given["messageBack"], "displayText"), MaxDisplayTextChars) is { } displayText)
        {
            kept["messageBack"] = new JsonObject { ["displayText"] = displayText };
        }

        if (given["postBack"] is JsonValue postBack && postBack.TryGetValue<bool>(out var isPostBack))
        {
            kept["postBack"] = isPostBack;
        }

        if (given["capabilities"] is JsonObject capabilities && capabilities["shareLocation"] is JsonValue share
            && share.TryGetValue<bool>(out var canShare) && canShare)
        {
            kept["capabilities"] = new JsonObject { ["shareLocation"] = true };
        }

        return kept;
    }

    private static string? Str(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;

    private static string? Cut(string? value, int max) => value?.Length > max ? value[..max] : value;
}
