using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Officials.Acknowledge;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Officials.Reject;
using ResidentBot.Bot.Officials.Reply;
using ResidentBot.Bot.Officials.Resolve;
using ResidentBot.Bot.Officials.Transfer;
using ResidentBot.Bot.WebConsole.Shell;

namespace ResidentBot.Bot.WebConsole.Cases;

/// <summary>
/// The case page's buttons: each runs the bot's own operation (same access check, transition, notices and card
/// refresh) as one unit of work in the write gate's turn. Nothing here decides what an official may do.
/// </summary>
internal sealed class CaseActions(ConsoleWrites writes, AttachmentStore store, TimeProvider time)
{
    public Task<CaseActionOutcome> AcknowledgeAsync(int officialId, string language, long caseId, CancellationToken cancellationToken) =>
        RunAsync(officialId, language, (services, who, ct) => services.GetRequiredService<AcknowledgeOperation>().RunAsync(who, caseId, ct), cancellationToken);

    public Task<CaseActionOutcome> ReplyAsync(int officialId, string language, long caseId, string? text, CancellationToken cancellationToken) =>
        RunAsync(officialId, language, (services, who, ct) => services.GetRequiredService<ReplyOperation>().RunAsync(who, caseId, text, ct), cancellationToken);

    public Task<CaseActionOutcome> RejectAsync(int officialId, string language, long caseId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(officialId, language, (services, who, ct) => services.GetRequiredService<RejectOperation>().RunAsync(who, caseId, reason, ct), cancellationToken);

    public Task<CaseActionOutcome> TransferAsync(int officialId, string language, long caseId, int areaId, int categoryId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(officialId, language, (services, who, ct) => services.GetRequiredService<CaseTransfer>().RunAsync(who, caseId, areaId, categoryId, reason, ct), cancellationToken);

    /// <summary>
    /// Resolves with the note and, when given, one photo (an image checked by its bytes). The photo is stored first, as
    /// the bot's intake stores a photo before the turn (the store takes the write gate's turn itself); one the resolve
    /// then refuses stays unattached and is cleaned up like any other.
    /// </summary>
    public async Task<CaseActionOutcome> ResolveAsync(int officialId, string language, long caseId, string? note, UploadedPhoto? photo, CancellationToken cancellationToken)
    {
        List<ResultPhoto> photos = [];
        if (photo is not null)
        {
            var fileRef = await store.FindAsync(ActingOfficial.ConsoleChannel, photo.Sha256, cancellationToken)
                ?? await store.StoreAsync(ActingOfficial.ConsoleChannel, photo.Sha256, photo.Bytes, photo.Extension, photo.ContentType, cancellationToken);
            photos.Add(new ResultPhoto(ActingOfficial.ConsoleChannel, fileRef, photo.ContentType));
        }

        return await RunAsync(officialId, language, (services, who, ct) =>
            services.GetRequiredService<ResolveOperation>().RunAsync(who, caseId, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), photos, ct), cancellationToken);
    }

    private Task<CaseActionOutcome> RunAsync(int officialId, string language,
        Func<IServiceProvider, ActingOfficial, CancellationToken, Task<CaseActionOutcome>> operation, CancellationToken cancellationToken) =>
        writes.RunAsync(async (services, db, ct) =>
        {
            var official = await db.Officials.SingleAsync(o => o.Id == officialId, ct);
            var who = new ActingOfficial(official, $"console:{officialId}", ActingOfficial.ConsoleChannel, language, time.GetUtcNow());
            return await operation(services, who, ct);
        }, cancellationToken);
}

/// <summary>A photo uploaded with a resolve, already checked to be an image within the size limit.</summary>
internal sealed record UploadedPhoto(byte[] Bytes, string Extension, string ContentType, string Sha256);
