using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>The Bot Platform's JSON: every answer is <c>{ok, result, error_code, description}</c>; names are snake_case.</summary>
internal static class ZaloBotWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,

        // Ids are documented as strings; one sent as a number must not turn a resident's message into poison.
        Converters = { new LenientStringConverter() },
    };

    public const string TextReceived = "message.text.received";
    public const string ImageReceived = "message.image.received";
    public const string StickerReceived = "message.sticker.received";
    public const string UnsupportedReceived = "message.unsupported.received";
}

internal sealed record ZaloBotResponse(bool Ok, JsonElement? Result, int? ErrorCode, string? Description, ZaloBotResponseParameters? Parameters);

internal sealed record ZaloBotResponseParameters(int? RetryAfter);

internal sealed record ZaloBotUpdate(string? EventName, ZaloBotMessage? Message);

internal sealed record ZaloBotMessage(
    string? MessageId,
    ZaloBotUser? From,
    ZaloBotChat? Chat,
    long? Date,
    string? Text,
    string? PhotoUrl,
    string? Caption,
    string? Sticker);

internal sealed record ZaloBotUser(string? Id, string? DisplayName, bool? IsBot);

internal sealed record ZaloBotChat(string? Id, string? ChatType);

internal sealed record ZaloBotSent(string? MessageId, long? Date);

internal sealed record ZaloBotMe(string? Id, string? AccountName, string? DisplayName);

/// <summary>Reads a JSON string, or a number as its digits, into a string property.</summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => throw new JsonException($"Expected a string or a number, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
