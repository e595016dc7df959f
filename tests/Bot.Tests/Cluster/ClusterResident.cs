using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Cluster;

/// <summary>
/// One Telegram user reporting through a cluster: each update goes to whichever host the load balancer picks; the
/// user waits for the bot's answer at the fake Bot API, whichever host sent it.
/// </summary>
internal sealed class ClusterResident(ClusterHosts cluster, long userId)
{
    private static int updateIds = 5_000;
    private int messageIds;
    private int callbacks;

    public long UserId { get; } = userId;

    /// <summary>Updates this user posted (each answered 200 by some host).</summary>
    public List<string> Posted { get; } = [];

    /// <summary>A whole report: category, ward, description, no photo, send; returns the bot's confirmation.</summary>
    public async Task<FakeBotApiCall> ReportAsync()
    {
        await SendAsync(FakeUpdates.Command(UserId, "/phananh", ++messageIds, NextUpdateId()), c => HasButton(c, "Chiếu sáng"));
        await PressAsync("Chiếu sáng", c => c.Method == "sendMessage" || c.Method == "editMessageText");
        await SendAsync(FakeUpdates.Text(UserId, "phuong tran phu", ++messageIds, NextUpdateId()), _ => true);
        await SendAsync(FakeUpdates.Text(UserId, $"Đèn đường trước số {UserId} không sáng", ++messageIds, NextUpdateId()), c => HasButton(c, "Bỏ qua"));
        await PressAsync("Bỏ qua", c => HasButton(c, "Gửi"));
        return await PressAsync("Gửi", c => c.String("text")?.Contains("Đã gửi phản ánh HD-", StringComparison.Ordinal) == true);
    }

    private async Task<FakeBotApiCall> PressAsync(string label, Func<FakeBotApiCall, bool> expect)
    {
        var (data, messageId) = await FindButtonAsync(label);
        var id = $"cb-{UserId}-{++callbacks}";
        return await SendAsync(FakeUpdates.Callback(UserId, data, messageId, NextUpdateId(), id), expect);
    }

    private async Task<FakeBotApiCall> SendAsync(JsonObject update, Func<FakeBotApiCall, bool> expect)
    {
        var chat = ClusterHosts.Chat(UserId);
        var seen = ToChat(cluster.Api.Calls, chat).Count();
        Assert.True(await cluster.PostAsync(update), "a host refused an update");
        Posted.Add(update["update_id"]!.ToString());
        var answer = await cluster.Api.WaitForCallAsync(
            calls => ToChat(calls, chat).Skip(seen)
                .FirstOrDefault(c => c.Method != "answerCallbackQuery" && expect(c)),
            TimeSpan.FromSeconds(20));
        return answer!;
    }

    private static IEnumerable<FakeBotApiCall> ToChat(IEnumerable<FakeBotApiCall> calls, string chat) =>
        calls.Where(c => c.StatusCode == 200 && c.String("chat_id") == chat);

    private static bool HasButton(FakeBotApiCall call, string label) =>
        call.Json("reply_markup")?["inline_keyboard"]?.AsArray().SelectMany(r => r!.AsArray())
            .Any(b => ((string?)b!["text"])?.Contains(label, StringComparison.Ordinal) == true) == true;

    // The fake sees a message before its sender saved the message id: look again after each commit of any host.
    private async Task<(string Data, int MessageId)> FindButtonAsync(string label)
    {
        var chat = ClusterHosts.Chat(UserId);
        var found = await cluster.WaitForAsync(
            async (db, ct) =>
            {
                var sent = await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == chat && m.ExternalMessageId != null)
                    .OrderByDescending(m => m.Id).ToListAsync(ct);
                return sent.Select(row => (Row: row, Button: Buttons(row).FirstOrDefault(b => ((string?)b!["label"])?.Contains(label, StringComparison.Ordinal) == true)))
                    .FirstOrDefault(x => x.Button is not null);
            },
            x => x.Button is not null,
            TimeSpan.FromSeconds(10));
        return ((string)found.Button!["data"]!, int.Parse(found.Row.ExternalMessageId!, CultureInfo.InvariantCulture));
    }

    private static IEnumerable<JsonNode?> Buttons(OutboxMessage row) =>
        JsonNode.Parse(row.Payload)?["buttons"]?.AsArray().SelectMany(r => r!.AsArray()) ?? [];

    private static int NextUpdateId() => Interlocked.Increment(ref updateIds);
}
