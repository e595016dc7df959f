using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Renders an <see cref="OutboundMessage"/> as a Direct Line message activity: inline buttons as a hero card whose
/// messageBack buttons carry the signed data in <c>value.data</c>, keyboards as suggested actions, photos as image
/// attachments served by the host, text as escaped Markdown (<see cref="WebChatMarkdown"/>). A pressed messageBack button
/// shows its displayText in the transcript as the resident's choice. <c>channelData.keyboard</c> tells our page which
/// keyboard to show.
/// </summary>
internal static class WebChatOutboundMapper
{
    public const string BotId = "residentbot";
    public const string ShareLocationAction = "shareLocation";

    public static JsonObject Map(OutboundMessage message, string? photoUrl)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = BotId, ["name"] = "ResidentBot", ["role"] = "bot" },
            ["textFormat"] = WebChatMarkdown.Format,
            ["text"] = WebChatMarkdown.FromPlain(message.Text),
        };
        if (message.Language is { } language)
        {
            // The page shows its own words in the language the bot now speaks (one switch for both).
            activity["locale"] = language == "en" ? "en-US" : "vi-VN";
        }

        if (message.ReplyToMessageId is { } replyTo)
        {
            activity["replyToId"] = replyTo;
        }

        var attachments = new JsonArray();
        if (photoUrl is not null)
        {
            attachments.Add(new JsonObject { ["contentType"] = "image/jpeg", ["contentUrl"] = photoUrl, ["name"] = "photo" });
        }

        if (message.Buttons.Count > 0)
        {
            attachments.Add(HeroCard(message.Buttons));
        }

        if (attachments.Count > 0)
        {
            activity["attachments"] = attachments;
        }

        if (SuggestedActions(message) is { Count: > 0 } actions)
        {
            activity["suggestedActions"] = new JsonObject { ["actions"] = actions };
        }

        activity["channelData"] = new JsonObject
        {
            ["keyboard"] = message.Keyboard.ToString(),
            ["buttonRows"] = new JsonArray([.. message.Buttons.Select(row => (JsonNode)new JsonArray([.. row.Select(b => (JsonNode)Button(b))]))]),
            ["editOf"] = message.EditMessageId,
            ["tag"] = message.Tag,
        };
        return activity;
    }

    private static JsonObject HeroCard(IReadOnlyList<IReadOnlyList<OutboundButton>> rows) => new()
    {
        ["contentType"] = "application/vnd.microsoft.card.hero",
        ["content"] = new JsonObject
        {
            ["buttons"] = new JsonArray([.. rows.SelectMany(r => r).Select(b => (JsonNode)Button(b))]),
        },
    };

    /// <summary>
    /// A messageBack button: the bot gets the signed data in <c>value</c>; <c>text</c> makes Web Chat post a visible
    /// message, shown as <c>displayText</c> (Web Chat hides a messageBack press without text).
    /// </summary>
    private static JsonObject Button(OutboundButton button) => new()
    {
        ["type"] = "messageBack",
        ["title"] = button.Label,
        ["text"] = button.Label,
        ["displayText"] = button.Label,
        ["value"] = new JsonObject { ["data"] = button.Data },
    };

    private static JsonArray SuggestedActions(OutboundMessage message)
    {
        var actions = new JsonArray();
        if (message.Keyboard == KeyboardKind.RequestLocation)
        {
            actions.Add(new JsonObject
            {
                ["type"] = "messageBack",
                ["title"] = message.RequestLocationLabel ?? "📍",
                ["value"] = new JsonObject { ["action"] = ShareLocationAction },
            });
        }

        if (message.Keyboard is KeyboardKind.MainMenu or KeyboardKind.RequestLocation)
        {
            foreach (var label in message.KeyboardLabels)
            {
                actions.Add(new JsonObject { ["type"] = "imBack", ["title"] = label, ["value"] = label });
            }
        }

        return actions;
    }
}
