using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Conversations;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.PostgreSql;

/// <summary>
/// On PostgreSQL writers run concurrently, so another host may change a conversation while this host's turn is on it
/// (SQLite's single writer cannot let that happen). The turn that saves second loses on the concurrency token and is
/// redone from fresh state, once, with no duplicate reply.
/// </summary>
public sealed class ConcurrentConversationEditTests : IDisposable
{
    private readonly IDisposable provider = TestDatabases.Use(TestDatabases.PostgreSql);

    [SkippableFact]
    public async Task A_turn_whose_conversation_another_host_changed_meanwhile_is_redone_from_fresh_state_and_replies_once()
    {
        var editor = new OtherHostEdits();
        await using var host = await BotTestHost.StartAsync(
            ResidentChat.FastOutbox(), services: s => s.ConfigureDbContext<ResidentBotDbContext>(o => o.AddInterceptors(editor)));
        var resident = new ResidentChat(host, 7001);
        await resident.CommandAsync("/phananh");
        var before = await VersionAsync(host);

        editor.Arm("7001");
        var replies = await resident.PressAsync("Chiếu sáng");

        Assert.Equal(1, editor.Edits);
        Assert.Equal(1, editor.Conflicts);
        var sent = replies.Where(c => c.Method == "sendMessage").Select(c => c.String("text")).ToList();
        Assert.NotEmpty(sent);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        await using var db = host.NewDbContext();
        var state = await db.ConversationStates.AsNoTracking().SingleAsync(c => c.ChatId == "7001");
        Assert.Equal("report", state.Flow);
        Assert.Equal(before + 2, state.Version); // the other host's edit, then the redone turn's
        Assert.All(await db.InboxEntries.AsNoTracking().ToListAsync(), e => Assert.Equal((InboxStatus.Handled, null), (e.Status, e.LastError)));
    }

    public void Dispose() => provider.Dispose();

    private static async Task<int> VersionAsync(BotTestHost host)
    {
        await using var db = host.NewDbContext();
        return await db.ConversationStates.AsNoTracking().Where(c => c.ChatId == "7001").Select(c => c.Version).SingleAsync();
    }

    /// <summary>Once armed, commits another host's change to the chat's conversation just before this host saves its own.</summary>
    private sealed class OtherHostEdits : SaveChangesInterceptor
    {
        private string? chat;

        public int Edits { get; private set; }

        public int Conflicts { get; private set; }

        public void Arm(string chatId) => chat = chatId;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var context = eventData.Context!;
            var state = context.ChangeTracker.Entries<ConversationState>()
                .FirstOrDefault(e => e.State == EntityState.Modified && e.Entity.ChatId == chat);
            if (state is not null && Interlocked.Exchange(ref chat, null) is not null)
            {
                await using var other = new NpgsqlConnection(context.Database.GetConnectionString());
                await other.OpenAsync(cancellationToken);
                await using var update = new NpgsqlCommand("""UPDATE "ConversationStates" SET "Version" = "Version" + 1 WHERE "Id" = @id""", other);
                update.Parameters.AddWithValue("id", state.Entity.Id);
                Edits += await update.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }

        public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
            ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Conflicts++;
            return ValueTask.FromResult(result);
        }
    }
}
