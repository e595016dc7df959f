using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Fakes.ZaloBot;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Channels.ZaloBot;

/// <summary>
/// One Zalo user talking to the real host through the fake Bot Platform in polling mode: queues an event, waits until
/// the host has stored and handled it and delivered every reply, and returns what the bot sent in that turn (to anyone).
/// </summary>
internal sealed partial class ZaloBotChat(BotTestHost host, FakeZaloBotApi zalo, string userId)
{
    public string UserId { get; } = userId;

    /// <summary>Settings that turn the Zalo bot on against <paramref name="zalo"/>, polling, with a fast outbox.</summary>
    public static Dictionary<string, string?> Settings(FakeZaloBotApi zalo) => new()
    {
        ["ZaloBot:Token"] = FakeZaloBotApi.Token,
        ["ZaloBot:BaseUrl"] = zalo.BaseUrl.ToString(),
        ["ZaloBot:PollingTimeoutSeconds"] = "1",
        ["Outbox:Channels:zalobot:PerChatInterval"] = "00:00:00",
        ["Outbox:Channels:zalobot:MessagesPerSecond"] = "0",
    };

    public Task<IReadOnlyList<FakeZaloBotCall>> TextAsync(string text) => SendAsync(FakeZaloBotUpdates.Text(UserId, text));

    public Task<IReadOnlyList<FakeZaloBotCall>> PhotoAsync(string photoUrl, string? caption = null) =>
        SendAsync(FakeZaloBotUpdates.Image(UserId, photoUrl, caption));

    /// <summary>Types the number the last message to this user gave the choice whose line contains <paramref name="label"/>.</summary>
    public Task<IReadOnlyList<FakeZaloBotCall>> ChooseAsync(string label) => TextAsync(NumberOf(label, LastTextTo(zalo, UserId)));

    public async Task<IReadOnlyList<FakeZaloBotCall>> SendAsync(JsonObject update)
    {
        var before = zalo.Calls.Count;
        var id = FakeZaloBotUpdates.MessageId(update);
        zalo.Enqueue(update);
        await WaitHandledAsync(host, id);
        return [.. zalo.Calls.Skip(before).Where(c => c.Method is "sendMessage" or "sendPhoto")];
    }

    public static Task WaitHandledAsync(BotTestHost host, string messageId) => host.WaitForTurnAsync(messageId, ChannelNames.ZaloBot);

    public static string LastTextTo(FakeZaloBotApi zalo, string chatId) =>
        zalo.Calls.Last(c => c.Method is "sendMessage" or "sendPhoto" && c.String("chat_id") == chatId) is var call
            ? call.String("text") ?? call.String("caption") ?? ""
            : "";

    public static string Text(IEnumerable<FakeZaloBotCall> calls) =>
        string.Join("\n---\n", calls.Select(c => c.String("text") ?? c.String("caption")));

    /// <summary>The number in front of the line that offers <paramref name="label"/> (<c>2. Chiếu sáng</c>, <c>2) Chiếu sáng</c>).</summary>
    public static string NumberOf(string label, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Contains(label, StringComparison.Ordinal) && NumberPattern().Match(line) is { Success: true } match)
            {
                return match.Groups["n"].Value;
            }
        }

        throw new InvalidOperationException($"No numbered choice '{label}' in: {text}");
    }

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\s*[.)]")]
    private static partial Regex NumberPattern();
}
