using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>The bodies of <c>/v3.0/oa/message/cs</c> and of a template message, as Zalo documents them.</summary>
internal static class ZaloMessages
{
    public static JsonObject Text(string recipient, string text) => To(recipient, new JsonObject { ["text"] = text });

    /// <summary>Text with buttons: each a <c>oa.query.show</c> whose payload comes back as the person's text.</summary>
    public static JsonObject WithButtons(string recipient, string text, IEnumerable<(string Title, string Payload)> buttons) =>
        To(recipient, new JsonObject
        {
            ["text"] = text,
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["buttons"] = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject
                    {
                        ["title"] = b.Title,
                        ["type"] = "oa.query.show",
                        ["payload"] = b.Payload,
                    })]),
                },
            },
        });

    /// <summary>An image uploaded before (<c>/v2.0/oa/upload/image</c>), by its attachment id.</summary>
    public static JsonObject Image(string recipient, string attachmentId) =>
        To(recipient, new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["template_type"] = "media",
                    ["elements"] = new JsonArray(new JsonObject { ["media_type"] = "image", ["attachment_id"] = attachmentId }),
                },
            },
        });

    /// <summary>A pre-approved template filled with the notice's values.</summary>
    public static JsonObject Template(string recipient, string templateId, IReadOnlyDictionary<string, string> values) => new()
    {
        ["user_id"] = recipient,
        ["template_id"] = templateId,
        ["template_data"] = new JsonObject([.. values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))]),
    };

    private static JsonObject To(string recipient, JsonObject message) => new()
    {
        ["recipient"] = new JsonObject { ["user_id"] = recipient },
        ["message"] = message,
    };
}
