using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Attachments;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Attachments;

/// <summary>
/// Removes stored photos that no case refers to and no report in progress or waiting message carries once they are older than
/// <see cref="AttachmentOptions.UnattachedLifetime"/> (a photo sent outside a report, a report abandoned). A photo of a
/// case, open or closed, is never removed: cases and their attachments are the audit. Safe to run twice or at once.
/// </summary>
internal sealed partial class UnattachedPhotoCleanup(
    ResidentBotDbContext db,
    AttachmentStore store,
    IWriteGate writeGate,
    IOptions<AttachmentOptions> options,
    TimeProvider time,
    ILogger<UnattachedPhotoCleanup> logger)
{
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var olderThan = time.GetUtcNow() - options.Value.UnattachedLifetime;
        var removed = 0;
        var after = 0L;
        while (!cancellationToken.IsCancellationRequested)
        {
            var candidates = await db.StoredAttachments.AsNoTracking().Where(a => a.CreatedAt < olderThan && a.Id > after)
                .OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                break;
            }

            after = candidates[^1].Id;
            removed += await RemoveAsync(candidates, cancellationToken);
        }

        if (removed > 0)
        {
            LogRemoved(removed, options.Value.UnattachedLifetime);
        }

        return removed;
    }

    /// <summary>
    /// Removes those of <paramref name="candidates"/> that no case, report in progress or waiting message refers to: their
    /// rows, and their bytes in either mode (the database's go with the row, a folder's file after it). Returns how many.
    /// </summary>
    public async Task<int> RemoveAsync(IReadOnlyList<StoredAttachment> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var refs = candidates.Select(a => AttachmentStore.RefOf(a.Id)).ToList();
        var kept = (await db.CaseAttachments.Where(c => refs.Contains(c.FileRef)).Select(c => c.FileRef).ToListAsync(cancellationToken)).ToHashSet();

        // A report in progress carries its photos in its draft, a message waiting to go in its payload ("attachment:<id>").
        var carriers = await db.ConversationStates.Where(s => s.Data != null && s.Data.Contains(IAttachmentStore.RefPrefix))
            .Select(s => s.Data!).ToListAsync(cancellationToken);
        carriers.AddRange(await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.Payload.Contains(IAttachmentStore.RefPrefix))
            .Select(m => m.Payload).ToListAsync(cancellationToken));
        var unattached = candidates.Where(a => !kept.Contains(AttachmentStore.RefOf(a.Id))
            && !carriers.Any(d => d.Contains(AttachmentStore.RefOf(a.Id) + "\"", StringComparison.Ordinal))).ToList();
        if (unattached.Count > 0)
        {
            var ids = unattached.Select(a => a.Id).ToList();
            using (await writeGate.EnterAsync(cancellationToken))
            {
                await db.StoredAttachments.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            // Rows first: a file whose row is gone is never served again, and one a crash leaves here only takes space.
            foreach (var attachment in unattached)
            {
                store.DeleteFile(attachment.Name);
            }
        }

        return unattached.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Removed} stored photos that no case or report refers to, older than {Lifetime}")]
    private partial void LogRemoved(int removed, TimeSpan lifetime);
}
