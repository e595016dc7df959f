using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Channels.WebChat.Cleanup;

/// <summary>
/// Keeps the web chat's storage bounded: removes stored files that no case and no report in progress refers to once
/// they are older than <see cref="WebChatOptions.UnattachedFileLifetime"/>, and drops activities older than
/// <see cref="WebChatOptions.ActivityRetention"/> or beyond <see cref="WebChatOptions.MaxActivitiesPerConversation"/>.
/// Cases, their events and their photos are never touched (they are the audit). The newest activity of each
/// conversation stays, so its sequence numbers (ids and watermarks) never start again. Safe to run twice or at once.
/// </summary>
internal sealed partial class WebChatCleanupJob(ResidentBotDbContext db, WebChatFiles files, IOptions<WebChatOptions> options,
    TimeProvider time, ILogger<WebChatCleanupJob> logger)
{
    private const int Batch = 500;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var removedFiles = await RemoveUnattachedFilesAsync(now - settings.UnattachedFileLifetime, cancellationToken);
        var cutoff = now - settings.ActivityRetention;
        var keep = settings.MaxActivitiesPerConversation;
        var removedActivities = await db.WebChatActivities
            .Where(a => a.Seq < db.WebChatActivities.Where(b => b.ConversationId == a.ConversationId).Max(b => b.Seq)
                        && (a.CreatedAt < cutoff || a.Seq <= db.WebChatActivities.Where(b => b.ConversationId == a.ConversationId).Max(b => b.Seq) - keep))
            .ExecuteDeleteAsync(cancellationToken);
        if (removedFiles + removedActivities > 0)
        {
            LogRemoved(removedFiles, removedActivities);
        }
    }

    private async Task<int> RemoveUnattachedFilesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var removed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var unattached = await db.WebChatUploads
                .Where(u => u.CreatedAt < olderThan)
                .Where(u => !db.CaseAttachments.Any(a => a.FileRef == WebChatFiles.RefPrefix + u.Name))
                .Where(u => !db.ConversationStates.Any(s => s.Data != null && s.Data.Contains(u.Name)))
                .OrderBy(u => u.CreatedAt).Take(Batch).ToListAsync(cancellationToken);
            foreach (var upload in unattached)
            {
                files.Delete(upload.Name);
            }

            db.WebChatUploads.RemoveRange(unattached);
            await db.SaveChangesAsync(cancellationToken);

            // In the database an upload is a stored photo: its bytes go too unless a case or report took it in meanwhile.
            await files.DeleteStoredAsync([.. unattached.Select(u => u.Name)], cancellationToken);
            removed += unattached.Count;
            if (unattached.Count < Batch)
            {
                break;
            }
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Web chat cleanup removed {Files} unattached files and {Activities} old activities")]
    private partial void LogRemoved(int files, int activities);
}
