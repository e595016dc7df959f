using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes;

/// <summary>Builds Bot API update JSON as Telegram sends it (private chats, where chat id = user id).</summary>
public static class FakeUpdates
{
    public static JsonObject Text(long userId, string text, int messageId = 1, int updateId = 1) =>
        Update(updateId, "message", Message(userId, messageId, m => m["text"] = text));

    public static JsonObject Command(long userId, string commandText, int messageId = 1, int updateId = 1)
    {
        var commandLength = commandText.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : commandText.Length;
        return Update(updateId, "message", Message(userId, messageId, m =>
        {
            m["text"] = commandText;
            m["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = commandLength });
        }));
    }

    public static JsonObject Location(long userId, double latitude, double longitude, int messageId = 1, int updateId = 1) =>
        Update(updateId, "message", Message(userId, messageId, m =>
            m["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude }));

    /// <summary>A photo in the three sizes Telegram makes; the largest has file id <c>{fileId}-large</c>.</summary>
    public static JsonObject Photo(long userId, string fileId, string? caption = null, int messageId = 1, int updateId = 1) =>
        Update(updateId, "message", Message(userId, messageId, m =>
        {
            m["photo"] = new JsonArray(
                PhotoSize($"{fileId}-small", 90, 67, 1_200),
                PhotoSize($"{fileId}-large", 1280, 960, 98_000),
                PhotoSize($"{fileId}-medium", 320, 240, 15_000));
            if (caption is not null)
            {
                m["caption"] = caption;
            }
        }));

    public static JsonObject Callback(long userId, string data, int messageId = 7, int updateId = 1, string callbackId = "cb-1") =>
        Update(updateId, "callback_query", new JsonObject
        {
            ["id"] = callbackId,
            ["from"] = User(userId),
            ["message"] = Message(FakeBotApi.BotId, messageId, m =>
            {
                m["chat"] = Chat(userId);
                m["text"] = "Chọn loại vấn đề";
            }),
            ["chat_instance"] = "ci-1",
            ["data"] = data,
        });

    public static JsonObject Sticker(long userId, int messageId = 1, int updateId = 1) =>
        Update(updateId, "message", Message(userId, messageId, m => m["sticker"] = new JsonObject
        {
            ["file_id"] = "st-1", ["file_unique_id"] = "st-u-1", ["type"] = "regular", ["width"] = 512, ["height"] = 512,
            ["is_animated"] = false, ["is_video"] = false,
        }));

    public static JsonObject Message(long fromId, int messageId, Action<JsonObject> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = User(fromId),
            ["chat"] = Chat(fromId),
            ["date"] = 1_760_000_000,
        };
        fill(message);
        return message;
    }

    public static JsonObject Update(int updateId, string kind, JsonNode content) =>
        new() { ["update_id"] = updateId, [kind] = content };

    private static JsonObject User(long id) =>
        new() { ["id"] = id, ["is_bot"] = id == FakeBotApi.BotId, ["first_name"] = "Lan", ["last_name"] = "Nguyễn", ["language_code"] = "vi" };

    private static JsonObject Chat(long id) => new() { ["id"] = id, ["type"] = "private", ["first_name"] = "Lan" };

    private static JsonObject PhotoSize(string fileId, int width, int height, int size) => new()
    {
        ["file_id"] = fileId, ["file_unique_id"] = "u-" + fileId, ["width"] = width, ["height"] = height, ["file_size"] = size,
    };
}
