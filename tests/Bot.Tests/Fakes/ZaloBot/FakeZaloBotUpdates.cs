using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes.ZaloBot;

/// <summary>
/// Events as the Bot Platform documents them: <c>{event_name, message{message_id, from{id, display_name}, chat{id,
/// chat_type}, date (ms), text | photo_url + caption}}</c>. In a private chat the chat id is the user's id.
/// </summary>
public static class FakeZaloBotUpdates
{
    public const string DefaultName = "Nguyễn Thị Lan";

    public static JsonObject Text(string userId, string text, string? messageId = null, string name = DefaultName) =>
        Event("message.text.received", userId, name, messageId, m => m["text"] = text);

    public static JsonObject Image(string userId, string photoUrl, string? caption = null, string? messageId = null) =>
        Event("message.image.received", userId, DefaultName, messageId, m =>
        {
            m["photo_url"] = photoUrl;
            if (caption is not null)
            {
                m["caption"] = caption;
            }
        });

    public static JsonObject Sticker(string userId, string? messageId = null) =>
        Event("message.sticker.received", userId, DefaultName, messageId, m => m["sticker"] = "0e078a2fb66a5f34067b");

    public static JsonObject Unsupported(string userId, string? messageId = null) =>
        Event("message.unsupported.received", userId, DefaultName, messageId, _ => { });

    /// <summary>A text said in a group the bot is in.</summary>
    public static JsonObject GroupText(string groupId, string userId, string text) =>
        Event("message.text.received", userId, DefaultName, null, m =>
        {
            m["chat"] = new JsonObject { ["id"] = groupId, ["chat_type"] = "GROUP" };
            m["text"] = text;
        });

    public static string MessageId(JsonObject update) => update["message"]!["message_id"]!.GetValue<string>();

    private static JsonObject Event(string name, string userId, string displayName, string? messageId, Action<JsonObject> fill)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)),
            ["from"] = new JsonObject { ["id"] = userId, ["display_name"] = displayName, ["is_bot"] = false },
            ["chat"] = new JsonObject { ["id"] = userId, ["chat_type"] = "PRIVATE" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        fill(message);
        return new JsonObject { ["event_name"] = name, ["message"] = message };
    }
}
