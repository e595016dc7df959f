using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Residents;

/// <summary>
/// One Telegram user talking to the bot through the fake Bot API: sends an update, waits until the bot has
/// handled it and delivered every reply, and returns what the bot sent in that turn.
/// </summary>
internal sealed class ResidentChat(BotTestHost host, long userId)
{
    /// <summary>Sample ward Phường Trần Phú: its accountable leader and a point inside its boundary.</summary>
    public const string TranPhuLeader = "HD.TPHD.TRANPHU.CT";
    public const double TranPhuLat = 20.96;
    public const double TranPhuLon = 106.30;

    /// <summary>No per-chat pacing, so a turn's several replies arrive at once.</summary>
    public static Dictionary<string, string?> FastOutbox() => new()
    {
        ["Outbox:Channels:telegram:PerChatInterval"] = "00:00:00",
        ["Outbox:Channels:telegram:MessagesPerSecond"] = "1000",
    };

    public long UserId { get; } = userId;

    public Task<IReadOnlyList<FakeBotApiCall>> TextAsync(string text) => SendAsync(FakeUpdates.Text(UserId, text));

    public Task<IReadOnlyList<FakeBotApiCall>> CommandAsync(string command) => SendAsync(FakeUpdates.Command(UserId, command));

    public Task<IReadOnlyList<FakeBotApiCall>> LocationAsync(double lat, double lon) => SendAsync(FakeUpdates.Location(UserId, lat, lon));

    /// <summary>Sends a photo; Telegram serves its largest size (<c>{fileId}-large</c>) as a small JPEG unless the test gave other bytes.</summary>
    public Task<IReadOnlyList<FakeBotApiCall>> PhotoAsync(string fileId, string? caption = null)
    {
        host.Api.AddFileIfMissing($"{fileId}-large", TestImages.Jpeg(fileId));
        return SendAsync(FakeUpdates.Photo(UserId, fileId, caption));
    }

    /// <summary>Presses the newest button sent to <paramref name="owner"/> (default: this user) whose label contains <paramref name="label"/>.</summary>
    public async Task<IReadOnlyList<FakeBotApiCall>> PressAsync(string label, long? owner = null)
    {
        var (data, messageId) = await FindButtonAsync(label, owner ?? UserId);
        var answers = host.Api.CallsTo("answerCallbackQuery").Count;
        var calls = await SendAsync(FakeUpdates.Callback(UserId, data, messageId));
        await host.Api.WaitForCallsAsync("answerCallbackQuery", answers + 1);
        return [.. calls, .. host.Api.CallsTo("answerCallbackQuery").Skip(answers)];
    }

    public async Task<IReadOnlyList<FakeBotApiCall>> SendAsync(JsonObject update)
    {
        var before = host.Api.Calls.Count;
        var updateId = host.Api.EnqueueUpdate(update).ToString(CultureInfo.InvariantCulture);
        await host.WaitForTurnAsync(updateId, timeout: TimeSpan.FromSeconds(15));

        return [.. host.Api.Calls.Skip(before).Where(c => c.Method is "sendMessage" or "editMessageText" or "sendPhoto" or "answerCallbackQuery")];
    }

    public static string Text(IEnumerable<FakeBotApiCall> calls) =>
        string.Join("\n---\n", calls.Where(c => c.Method != "answerCallbackQuery").Select(c => c.String("text") ?? c.String("caption")));

    // The fake Bot API sees a message before the sender has saved its message id, so look again after each commit for a while.
    private async Task<(string Data, int MessageId)> FindButtonAsync(string label, long owner)
    {
        var chat = owner.ToString(CultureInfo.InvariantCulture);
        try
        {
            var found = await host.WaitForAsync(
                async (db, ct) =>
                {
                    var sent = await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == chat && m.ExternalMessageId != null)
                        .OrderByDescending(m => m.Id).ToListAsync(ct);
                    foreach (var row in sent)
                    {
                        var buttons = JsonNode.Parse(row.Payload)?["buttons"]?.AsArray().SelectMany(r => r!.AsArray()) ?? [];
                        if (buttons.FirstOrDefault(b => ((string?)b!["label"])?.Contains(label, StringComparison.Ordinal) == true) is { } button)
                        {
                            return ((string)button["data"]!, int.Parse(row.ExternalMessageId!, CultureInfo.InvariantCulture));
                        }
                    }

                    return ((string Data, int MessageId)?)null;
                },
                button => button is not null,
                TimeSpan.FromSeconds(10));
            return found!.Value;
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"No button labelled '{label}' was sent to {owner}.");
        }
    }

    /// <summary>Binds the sample ward leader to a Telegram account, as onboarding would, so they receive case cards.</summary>
    public static async Task OnboardOfficialAsync(BotTestHost host, string code, long telegramUserId)
    {
        await using var db = host.NewDbContext();
        var official = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Code == code);
        official.BindTelegram(telegramUserId);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="action"/> in a fresh DI scope and saves, as a job or an official action would.</summary>
    public static async Task InScopeAsync(BotTestHost host, Func<IServiceProvider, Task> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<ResidentBot.Persistence.ResidentBotDbContext>().SaveChangesAsync();
    }
}
