using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Turns a Direct Line activity the client posted into an <see cref="InboundMessage"/>. Who sent it comes from the
/// token (<paramref name="userId"/>), never from the activity's <c>from</c>. Returns null for activities that need no
/// answer (typing, events, conversation updates). A button press refers to the bot's message that carried the button
/// (<paramref name="buttonCarrierId"/>, as Telegram's callback query does), so edits replace that message; the press
/// itself is what gets answered.
/// </summary>
/// <remarks>
/// Two events of the product's own page stand for commands the resident never typed, so no bubble shows them:
/// <c>webchat/join</c> (a new conversation; answered like <c>/start</c>; the name and its <c>value.language</c> are
/// those of Microsoft's Web Chat "welcome event" sample, so an embedding that follows it is greeted too) and <c>webchat/language</c> with
/// <c>value</c> <c>vi</c> or <c>en</c> (the page's language switch; answered like <c>/lang</c>). A client that can share
/// the device's location says so in <c>channelData.capabilities.shareLocation</c>; without it, it cannot.
/// </remarks>
internal static partial class WebChatInboundMapper
{
    public const string JoinEvent = "webchat/join";
    public const string LanguageEvent = "webchat/language";

    /// <summary>An event of our page that the conversation answers.</summary>
    public static bool IsPageEvent(JsonObject activity) =>
        Str(activity, "type") == "event" && Str(activity, "name") is JoinEvent or LanguageEvent;

    public static bool IsJoin(JsonObject activity) => Str(activity, "type") == "event" && Str(activity, "name") == JoinEvent;

    public static InboundMessage? Map(JsonObject activity, string activityId, string conversationId, string userId, IReadOnlyList<InboundFile> photos,
        string? buttonCarrierId = null)
    {
        var type = Str(activity, "type");
        if (type != "message" && !IsPageEvent(activity))
        {
            return null;
        }

        var text = Str(activity, "text")?.Trim();
        var message = new InboundMessage
        {
            Channel = ChannelNames.WebChat,
            UpdateId = activityId,
            ChatId = conversationId,
            UserId = userId,
            UserDisplayName = activity["from"] is JsonObject from ? Str(from, "name") : null,
            LanguageCode = Str(activity, "locale") is { Length: >= 2 } locale ? locale[..2].ToLowerInvariant() : null,
            MessageId = activityId,
            ReplyToMessageId = Str(activity, "replyToId"),
            CanShareLocation = CanShareLocation(activity),
        };

        if (IsJoin(activity))
        {
            var language = message.LanguageCode
                ?? (activity["value"] is JsonObject value && Str(value, "language") is { Length: >= 2 } hint ? hint[..2].ToLowerInvariant() : null);
            return message with { Kind = InboundKind.Command, Command = "start", LanguageCode = language };
        }

        if (type == "event")
        {
            return Str(activity, "value") is ("vi" or "en") and var language
                ? message with { Kind = InboundKind.Command, Command = "lang", CommandArgs = language }
                : null;
        }

        if (ButtonData(activity) is { } data)
        {
            return message with { Kind = InboundKind.ButtonPress, CallbackId = activityId, CallbackData = data, MessageId = buttonCarrierId };
        }

        if (Location(activity) is { } point)
        {
            return message with { Kind = InboundKind.Location, Location = point };
        }

        if (photos.Count > 0)
        {
            return message with { Kind = InboundKind.Photo, Text = text, Photos = photos };
        }

        if (string.IsNullOrEmpty(text))
        {
            return message with { Kind = InboundKind.Unsupported };
        }

        var command = CommandPattern().Match(text);
        if (command.Success)
        {
            var args = text[command.Length..].Trim();
            return message with
            {
                Kind = InboundKind.Command,
                Text = text,
                Command = command.Groups["name"].Value.ToLowerInvariant(),
                CommandArgs = args.Length == 0 ? null : args,
            };
        }

        return message with { Kind = InboundKind.Text, Text = text };
    }

    /// <summary>
    /// A press of one of our buttons: messageBack/postBack with <c>value.data</c> (what our page and
    /// botframework-webchat send), or a postBack whose value came back as the text.
    /// </summary>
    internal static string? ButtonData(JsonObject activity)
    {
        if (activity["value"] is JsonObject value && Str(value, "data") is { Length: > 0 } data)
        {
            return data;
        }

        return activity["channelData"] is JsonObject channelData && channelData["postBack"] is JsonValue postBack
               && postBack.TryGetValue<bool>(out var isPostBack) && isPostBack
            ? Str(activity, "text")
            : null;
    }

    public static bool CanShareLocation(JsonObject activity) =>
        activity["channelData"] is JsonObject { } channelData && channelData["capabilities"] is JsonObject { } capabilities
        && capabilities["shareLocation"] is JsonValue share && share.TryGetValue<bool>(out var can) && can;

    private static GeoPoint? Location(JsonObject activity)
    {
        if (activity["entities"] is not JsonArray entities)
        {
            return null;
        }

        foreach (var entity in entities.OfType<JsonObject>())
        {
            if (Str(entity, "type") == "GeoCoordinates"
                && Number(entity, "latitude") is { } lat and >= -90 and <= 90
                && Number(entity, "longitude") is { } lon and >= -180 and <= 180)
            {
                return new GeoPoint(lat, lon);
            }
        }

        return null;
    }

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;

    [GeneratedRegex(@"^/(?<name>[A-Za-z0-9_]{1,32})(@[A-Za-z0-9_]{3,64})?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CommandPattern();
}
