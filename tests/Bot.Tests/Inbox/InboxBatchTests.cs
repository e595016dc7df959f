using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Inbox;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Tests.Inbox;

/// <summary>Turns share transactions and webhook inserts are group-committed; neither may lose, double or mix up anything.</summary>
public sealed class InboxBatchTests
{
    private const string Secret = "test-secret_123";

    [Fact]
    public async Task A_turn_that_fails_inside_a_batch_fails_alone_and_the_others_are_handled_once()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-batch-").FullName;
        await using (await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Telegram:BotToken"] = "" }, folder: folder, keepFolder: true))
        {
            // Creates the database only.
        }

        // Recorded while the host was down, so the first pass takes them all in one batch, the poison in the middle.
        var residents = Enumerable.Range(0, 10).Select(i => 7100L + i).ToList();
        var updates = residents.Select((user, i) => PendingUpdates.Text(user, 500 + i, "xin chào")).ToList();
        updates.Insert(5, PendingUpdates.Text(7999, 599, "/boom"));
        await PendingUpdates.RecordAsync(folder, [.. updates]);

        await using var host = await BotTestHost.StartAsync(folder: folder, services: s => s.AddScoped<ICommandHandler, ExplodingCommand>());
        await host.Api.WaitForCallsAsync("sendMessage", residents.Count);
        var poison = await host.WaitForAsync((db, ct) => db.InboxEntries.SingleAsync(e => e.ExternalId == "599", ct), e => e.Status == InboxStatus.Failed);
        await host.WaitUntilIdleAsync();

        Assert.Equal(InboxProcessor.MaxAttempts, poison.Attempts);
        Assert.Contains(ExplodingCommand.Message, poison.LastError, StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        var others = await db.InboxEntries.Where(e => e.ExternalId != "599").ToListAsync();
        Assert.All(others, e => Assert.Equal((InboxStatus.Handled, 1), (e.Status, e.Attempts)));
        var chats = host.Api.CallsTo("sendMessage").Select(c => c.Long("chat_id")).ToList();
        Assert.Equal(residents.Select(r => (long?)r).Order(), chats.Order());
        Assert.DoesNotContain(7999L, chats);
    }

    [Fact]
    public async Task The_same_update_posted_many_times_at_once_is_stored_and_answered_once()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/webhook",
            ["Telegram:SecretToken"] = Secret,
        });
        using var http = host.CreateClient();
        var update = FakeUpdates.Text(7200, "xin chào", updateId: 77).ToJsonString();
        var distinct = Enumerable.Range(0, 10).Select(i => FakeUpdates.Text(7300 + i, "xin chào", updateId: 80 + i).ToJsonString());

        var responses = await Task.WhenAll(Enumerable.Repeat(update, 20).Concat(distinct).Select(body => WebhookPosts.PostAsync(http, body, Secret)));
        await host.Api.WaitForCallsAsync("sendMessage", 11);
        await host.WaitUntilIdleAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = host.NewDbContext();
        Assert.Equal(11, await db.InboxEntries.CountAsync());
        Assert.Single(host.Api.CallsTo("sendMessage"), c => c.Long("chat_id") == 7200);
        Assert.Equal(11, host.Api.CallsTo("sendMessage").Count);
    }

    /// <summary>A command whose handler always throws, after changing state and queueing a reply that must not survive.</summary>
    private sealed class ExplodingCommand : ICommandHandler
    {
        public const string Message = "boom: handler failed";

        public IReadOnlyCollection<string> Commands { get; } = ["boom"];

        public Task HandleAsync(Turn turn, CancellationToken cancellationToken)
        {
            turn.StartFlow("boom", "half-way");
            turn.Reply("this reply must never be sent");
            throw new InvalidOperationException(Message);
        }
    }
}
