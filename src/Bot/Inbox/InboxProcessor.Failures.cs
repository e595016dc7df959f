using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Inbox;

/// <summary>A turn that fails alone: its attempt and error are kept; after <see cref="MaxAttempts"/> it is marked Failed.</summary>
internal sealed partial class InboxProcessor
{
    // The failed attempt's changes are discarded: only the attempt count and error are kept.
    private async Task RecordFailureAsync(long id, Exception error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            var entry = await db.InboxEntries.SingleAsync(e => e.Id == id, cancellationToken);
            entry.Attempts++;
            entry.LastError = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
            if (entry.Attempts >= MaxAttempts)
            {
                entry.Status = InboxStatus.Failed;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling inbox entry {Id} ({Channel} update {UpdateId}) failed")]
    private partial void LogHandlingFailed(Exception ex, long id, string channel, string updateId);
}
