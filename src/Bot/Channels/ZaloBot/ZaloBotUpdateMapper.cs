using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// Turns a Bot Platform event into an <see cref="InboundMessage"/>; null when there is nobody to answer. The
/// platform's <c>message_id</c> is the inbox key, so the same message delivered twice is handled once. A text
/// starting with <c>/</c> is a command (the platform has none of its own: <c>/start CODE</c> is typed). Stickers and
/// anything else the platform calls unsupported become <see cref="InboundKind.Unsupported"/>. From a group only
/// commands come through: everyone there reads each answer.
/// </summary>
internal sealed partial class ZaloBotUpdateMapper(IOptions<ZaloBotOptions> options)
{
    public const string Channel = ChannelNames.ZaloBot;

    /// <summary>Reads a webhook body or a getUpdates result: the event itself, or wrapped as <c>{ok, result: event}</c>.</summary>
    /// <exception cref="JsonException">The body is not JSON or not an event's shape.</exception>
    public static ZaloBotUpdate? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A Zalo bot event is a JSON object, not {root.ValueKind}.");
        }

        var inner = root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object ? result : root;
        return inner.Deserialize<ZaloBotUpdate>(ZaloBotWire.Json);
    }

    public InboundMessage? Map(ZaloBotUpdate? update)
    {
        if (update?.Message is not { MessageId: { Length: > 0 } messageId, Chat.Id: { Length: > 0 } chatId, From.Id: { Length: > 0 } userId } m
            || m.From?.IsBot == true)
        {
            return null;
        }

        var message = new InboundMessage
        {
            Channel = Channel,
            UpdateId = messageId,
            MessageId = messageId,
            ChatId = chatId,
            ChatKind = string.Equals(m.Chat?.ChatType, "GROUP", StringComparison.OrdinalIgnoreCase) ? ChatKind.Group : ChatKind.Private,
            UserId = userId,
            UserDisplayName = string.IsNullOrWhiteSpace(m.From?.DisplayName) ? null : m.From.DisplayName.Trim(),
        };

        var mapped = update.EventName switch
        {
            ZaloBotWire.TextReceived when m.Text is { } text => FromText(message, text),
            ZaloBotWire.ImageReceived when IsWebUrl(m.PhotoUrl) => message with
            {
                Kind = InboundKind.Photo,
                Text = string.IsNullOrWhiteSpace(m.Caption) ? null : m.Caption,
                Photos = [new InboundFile(m.PhotoUrl!, null)],
            },
            _ => message with { Kind = InboundKind.Unsupported, Text = m.Text ?? m.Caption },
        };

        if (mapped.ChatKind != ChatKind.Group)
        {
            return mapped;
        }

        return mapped.Kind == InboundKind.Command ? mapped with { PrivateChatLink = string.IsNullOrWhiteSpace(options.Value.ChatLink) ? null : options.Value.ChatLink } : null;
    }

    private static InboundMessage FromText(InboundMessage message, string text)
    {
        var match = CommandPattern().Match(text);
        if (!match.Success)
        {
            return message with { Kind = InboundKind.Text, Text = text };
        }

        var args = text[match.Length..].Trim();
        return message with
        {
            Kind = InboundKind.Command,
            Text = text,
            Command = match.Groups["name"].Value.ToLowerInvariant(),
            CommandArgs = args.Length == 0 ? null : args,
        };
    }

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^/(?<name>[A-Za-z0-9_]{1,32})(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CommandPattern();
}
