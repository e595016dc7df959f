using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Tests.Inbox;

/// <summary>
/// At low load every update arrives alone, so what the loops look up per update is what it costs. The turn loop looks
/// for pending updates once per signal (not once more after every batch), and the sender looks for due messages once
/// per commit (not once more after every chat it finished when nothing was left out).
/// </summary>
public sealed class InboxLookupsTests
{
    private const int Messages = 20;

    [Fact]
    public async Task Updates_one_at_a_time_cost_one_pending_look_up_and_one_due_look_up_each_plus_the_idle_polls()
    {
        var counter = new LookupCounter();
        var settings = ResidentChat.FastOutbox();
        settings["Outbox:PollInterval"] = "00:01:00"; // only commits wake the sender during the test
        await using var host = await BotTestHost.StartAsync(settings, services: s => s.ConfigureDbContext<ResidentBotDbContext>(o => o.AddInterceptors(counter)));
        var resident = new ResidentChat(host, 7101);
        await resident.TextAsync("xin chào");
        counter.Reset();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Messages; i++)
        {
            var replies = await resident.TextAsync($"xin chào lần {i}");
            Assert.Contains(replies, c => c.Method == "sendMessage");
        }

        // The turn loop also looks once a second when nothing woke it; before, each update cost two of each.
        var idlePolls = (int)Math.Ceiling(clock.Elapsed.TotalSeconds) + 1;
        Assert.InRange(counter.Pending, Messages, Messages + idlePolls);
        Assert.InRange(counter.Due, Messages, Messages + 2);
    }

    private sealed class LookupCounter : DbCommandInterceptor
    {
        private int pending;
        private int due;

        public int Pending => Volatile.Read(ref pending);

        public int Due => Volatile.Read(ref due);

        public void Reset()
        {
            Interlocked.Exchange(ref pending, 0);
            Interlocked.Exchange(ref due, 0);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var sql = command.CommandText;
            if (sql.Contains("FROM \"InboxEntries\"", StringComparison.Ordinal) && sql.Contains("ORDER BY", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref pending);
            }
            else if (sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal) && sql.Contains("\"NextAttemptAt\" <=", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref due);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
