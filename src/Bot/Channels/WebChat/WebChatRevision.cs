using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// An edit of a bot message, sent as the same activity again: same <c>id</c> and <c>timestamp</c>, new content.
/// Microsoft's Web Chat replaces an activity it receives again with the same id, in place (it orders by timestamp);
/// our page replaces the element of <c>channelData.editOf</c>. An edit without text (new buttons only, as
/// Telegram's editMessageReplyMarkup) keeps the text and photo it had.
/// </summary>
internal static class WebChatRevision
{
    public static JsonObject Of(JsonObject previous, JsonObject edit, bool keepText)
    {
        edit["id"] = previous["id"]?.DeepClone();
        edit["timestamp"] = previous["timestamp"]?.DeepClone();
        if (previous["replyToId"] is { } replyTo)
        {
            edit["replyToId"] = replyTo.DeepClone();
        }

        if (keepText)
        {
            edit["text"] = previous["text"]?.DeepClone();
            edit["textFormat"] = previous["textFormat"]?.DeepClone();
        }

        var attachments = edit["attachments"] as JsonArray ?? [];
        if (!attachments.OfType<JsonObject>().Any(IsPhoto) && previous["attachments"] is JsonArray before)
        {
            var photos = before.OfType<JsonObject>().Where(IsPhoto).Select(p => (JsonNode)p.DeepClone()).ToList();
            for (var i = 0; i < photos.Count; i++)
            {
                attachments.Insert(i, photos[i]);
            }
        }

        edit.Remove("attachments");
        if (attachments.Count > 0)
        {
            edit["attachments"] = attachments;
        }

        // The keyboard belongs to the newest message; an old message edited must not bring its menu back.
        edit.Remove("suggestedActions");
        ((JsonObject)edit["channelData"]!)["editOf"] = previous["id"]?.DeepClone();
        return edit;
    }

    private static bool IsPhoto(JsonObject attachment) =>
        attachment["contentType"] is JsonValue type && type.TryGetValue<string>(out var t) && t.StartsWith("image/", StringComparison.Ordinal);
}
