using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// Turns a Zalo OA webhook event into an <see cref="InboundMessage"/>; null when there is nobody to answer (the OA's
/// own messages echoed back, "seen"/"received" receipts, events without a user). Never throws: a signed event of a user
/// that cannot be read becomes <see cref="InboundKind.Unsupported"/>, so the person gets an answer and nothing is lost.
/// The update id is <c>message.msg_id</c>; events without one (follow, unfollow, a submitted form) get one derived
/// from the event, the user and Zalo's timestamp, which a redelivery repeats.
/// </summary>
internal sealed partial class ZaloEventMapper(string oaId)
{
    /// <summary>The command an <c>unfollow</c> event becomes (a person cannot type it: commands have no dots).</summary>
    public const string UnfollowCommand = "zalo.unfollow";

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    public InboundMessage? Map(JsonObject evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var name = Str(evt, "event_name");
        if (name is null || name.StartsWith("oa_", StringComparison.Ordinal))
        {
            return null; // the OA's own sends, echoed
        }

        var user = name is "follow" or "unfollow" ? Str(evt["follower"] as JsonObject, "id") : Str(evt["sender"] as JsonObject, "id");
        if (string.IsNullOrEmpty(user) || user == oaId)
        {
            return null;
        }

        var message = evt["message"] as JsonObject;
        var updateId = Str(message, "msg_id") ?? $"{name}:{user}:{Str(evt, "timestamp")}";
        var inbound = new InboundMessage
        {
            Channel = ChannelNames.Zalo,
            UpdateId = updateId,
            MessageId = updateId,
            ChatId = user,
            UserId = user,
            Kind = InboundKind.Unsupported,
        };

        return name switch
        {
            "follow" => inbound with { Kind = InboundKind.Command, Command = "start" },
            "unfollow" => inbound with { Kind = InboundKind.Command, Command = UnfollowCommand },
            "user_send_text" => FromText(inbound, Str(message, "text")),
            "user_send_image" => FromImages(inbound, message),
            "user_send_location" => FromLocation(inbound, message),
            "user_send_file" => FromFile(inbound, message),
            "user_submit_info" => FromInfo(inbound, evt["info"] as JsonObject),
            _ when name.StartsWith("user_send_", StringComparison.Ordinal) => inbound, // a sticker, a voice note: answered with help
            _ => null, // user_seen_message, user_received_message, reactions …: nothing to answer
        };
    }

    private static InboundMessage FromText(InboundMessage inbound, string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return inbound;
        }

        if (ZaloButtonPayload.DataIn(text) is { } data)
        {
            return inbound with { Kind = InboundKind.ButtonPress, CallbackData = data, CallbackId = $"{inbound.UserId}|{inbound.MessageId}" };
        }

        var command = CommandPattern().Match(text);
        if (command.Success)
        {
            var args = text[command.Length..].Trim();
            return inbound with
            {
                Kind = InboundKind.Command, Text = text, Command = command.Groups["name"].Value.ToLowerInvariant(), CommandArgs = args.Length == 0 ? null : args,
            };
        }

        return inbound with { Kind = InboundKind.Text, Text = text };
    }

    private static InboundMessage FromImages(InboundMessage inbound, JsonObject? message)
    {
        var photos = Attachments(message, "image")
            .Select(a => Str(a["payload"] as JsonObject, "url"))
            .Where(IsHttpUrl)
            .Select(url => new InboundFile(url!, null))
            .ToList();
        return photos.Count == 0 ? inbound : inbound with { Kind = InboundKind.Photo, Photos = photos, Text = NonEmpty(Str(message, "text")) };
    }

    private static InboundMessage FromLocation(InboundMessage inbound, JsonObject? message)
    {
        var coordinates = Attachments(message, "location").Select(a => (a["payload"] as JsonObject)?["coordinates"] as JsonObject).FirstOrDefault();
        return Number(coordinates, "latitude") is { } lat and >= -90 and <= 90 && Number(coordinates, "longitude") is { } lon and >= -180 and <= 180
            ? inbound with { Kind = InboundKind.Location, Location = new GeoPoint(lat, lon) }
            : inbound;
    }

    /// <summary>A photo sent "as a file" is still a photo of the problem; other files are not handled.</summary>
    private static InboundMessage FromFile(InboundMessage inbound, JsonObject? message)
    {
        var payload = Attachments(message, "file").Select(a => a["payload"] as JsonObject).FirstOrDefault();
        var url = Str(payload, "url");
        var extension = Path.GetExtension(Str(payload, "name") ?? string.Empty).ToLowerInvariant();
        if (!IsHttpUrl(url) || !ImageExtensions.Contains(extension))
        {
            return inbound;
        }

        var size = Number(payload, "size") is { } bytes and >= 0 ? (long)bytes : (long?)null;
        return inbound with { Kind = InboundKind.Photo, Photos = [new InboundFile(url!, size, extension == ".png" ? "image/png" : "image/jpeg")] };
    }

    /// <summary>The answer to a "share your details" card is the person's own: their phone, as a shared contact elsewhere.</summary>
    private static InboundMessage FromInfo(InboundMessage inbound, JsonObject? info) =>
        NonEmpty(Str(info, "phone")) is { } phone
            ? inbound with { Kind = InboundKind.Contact, ContactPhone = phone, UserDisplayName = NonEmpty(Str(info, "name")) }
            : inbound;

    private static IEnumerable<JsonObject> Attachments(JsonObject? message, string type) =>
        (message?["attachments"] as JsonArray ?? []).OfType<JsonObject>().Where(a => Str(a, "type") == type);

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A string, or a number written as one (Zalo writes ids and timestamps as strings, but not always).</summary>
    internal static string? Str(JsonObject? o, string name) => o?[name] is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>Zalo writes coordinates and sizes as strings.</summary>
    private static double? Number(JsonObject? o, string name) =>
        Str(o, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    [GeneratedRegex(@"^/(?<name>[A-Za-z0-9_]{1,32})(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CommandPattern();
}
