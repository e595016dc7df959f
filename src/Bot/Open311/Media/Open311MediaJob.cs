using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Notifications;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Open311;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Open311;

namespace ResidentBot.Bot.Open311.Media;

/// <summary>
/// Fetches one Open311 request's <c>media_url</c> into its case's photos (a Hangfire job carrying only the case id).
/// It first claims the row — moves <see cref="Open311Request.MediaNextAttemptAt"/> past the fetch's own time, only if the
/// fetch is still pending and due — so of two runs at once (the POST's job and the sweep's) one fetches and the other
/// finds nothing to do. A fetched photo is stored under a reference of its case, so a run cut short after storing it
/// attaches the stored copy and fetches nothing again. The photo then is the case's like a chat photo: the official
/// gets it after the card, the cards show it counted, the console shows it. Failures never throw: the row says what
/// happened, and a network failure is tried again later with a doubling wait, up to <see cref="Open311Options.MediaAttempts"/>.
/// </summary>
internal sealed partial class Open311MediaJob(
    IServiceScopeFactory scopes,
    IWriteGate writeGate,
    MediaFetcher fetcher,
    AttachmentStore store,
    OutboxSignal outboxSignal,
    IOptions<Open311Options> options,
    TimeProvider time,
    ILogger<Open311MediaJob> logger)
{
    public async Task RunAsync(long caseId, CancellationToken cancellationToken)
    {
        if (await ClaimAsync(caseId, cancellationToken) is not { } claimed)
        {
            return;
        }

        var sourceRef = SourceRef(caseId);
        if (await store.FindAsync(ClientIdentity.Channel, sourceRef, cancellationToken) is { } stored)
        {
            await AttachAsync(caseId, stored, (await store.FindRowAsync(stored, cancellationToken))?.ContentType ?? "image/jpeg", cancellationToken);
            return;
        }

        var fetch = await fetcher.FetchAsync(claimed.Url, cancellationToken);
        if (fetch.Outcome == MediaOutcome.Fetched)
        {
            var photoRef = await store.StoreAsync(ClientIdentity.Channel, sourceRef, fetch.Bytes, fetch.Extension!, fetch.ContentType!, cancellationToken);
            await AttachAsync(caseId, photoRef, fetch.ContentType!, cancellationToken);
            LogStored(caseId, fetch.Bytes.Length, fetch.ContentType!);
            return;
        }

        await RecordAsync(caseId, claimed.Attempts, fetch, cancellationToken);
    }

    /// <summary>The attachment store's reference of a case's fetched photo (one per case: the request has one link).</summary>
    public static string SourceRef(long caseId) => "case:" + caseId.ToString(CultureInfo.InvariantCulture) + ":media_url";

    private async Task<(string Url, int Attempts)?> ClaimAsync(long caseId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Held for longer than a fetch can take (each redirect's connection has the same timeout): a crash lets it lapse.
        var lease = now + (options.Value.MediaTimeout * (MediaFetcher.MaxRedirects + 1)) + TimeSpan.FromMinutes(1);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                var claimed = await db.Open311Requests
                    .Where(r => r.CaseId == caseId && r.MediaStatus == Open311MediaStatus.Pending && r.MediaNextAttemptAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.MediaNextAttemptAt, lease).SetProperty(r => r.MediaAttempts, r => r.MediaAttempts + 1),
                        cancellationToken);
                if (claimed == 0)
                {
                    return null;
                }
            }
        }

        // A fresh scope: the write gate may have pointed the first one's context at its own connection.
        await using var read = scopes.CreateAsyncScope();
        var row = await read.ServiceProvider.GetRequiredService<ResidentBotDbContext>().Open311Requests.AsNoTracking()
            .Where(r => r.CaseId == caseId).Select(r => new { r.MediaUrl, r.MediaAttempts }).SingleAsync(cancellationToken);
        return (row.MediaUrl ?? string.Empty, row.MediaAttempts);
    }

    private async Task AttachAsync(long caseId, string photoRef, string contentType, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var row = await db.Open311Requests.SingleAsync(r => r.CaseId == caseId, cancellationToken);
            if (row.MediaStatus != Open311MediaStatus.Pending)
            {
                return;
            }

            var @case = await db.Cases.Include(c => c.Attachments).SingleAsync(c => c.Id == caseId, cancellationToken);
            var now = time.GetUtcNow();
            @case.Attach(new CaseAttachment
            {
                Channel = ClientIdentity.Channel, FileRef = photoRef, ContentType = contentType, AddedBy = ActorKind.Resident, AddedAt = now,
            });
            (row.MediaStatus, row.MediaNextAttemptAt, row.MediaProblem) = (Open311MediaStatus.Stored, null, null);
            await db.SaveChangesAsync(cancellationToken);

            // As a chat photo: after the card, to the official accountable now; the cards count it from here on.
            if (@case.Status.IsActive() && @case.AccountableOfficialId is { } official)
            {
                await scope.ServiceProvider.GetRequiredService<OfficialNotifier>().SendAsync(official, $"open311-media:{caseId}",
                    _ => new OutboundMessage { PhotoRef = photoRef, Tag = CaseTag.For(caseId) }, cancellationToken);
            }

            await scope.ServiceProvider.GetRequiredService<CaseCards>().RefreshAsync(@case, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        outboxSignal.Notify();
    }

    private async Task RecordAsync(long caseId, int attempts, MediaFetch fetch, CancellationToken cancellationToken)
    {
        var problem = fetch.Problem ?? fetch.Outcome.ToString();
        problem = problem.Length > Open311Request.MaxMediaProblemLength ? problem[..Open311Request.MaxMediaProblemLength] : problem;
        var retry = fetch.Outcome == MediaOutcome.Failed && attempts < options.Value.MediaAttempts;
        var status = retry ? Open311MediaStatus.Pending : fetch.Outcome == MediaOutcome.Refused ? Open311MediaStatus.Refused : Open311MediaStatus.Failed;
        DateTimeOffset? next = retry ? time.GetUtcNow() + (options.Value.MediaRetryAfter * Math.Pow(2, attempts - 1)) : null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                await db.Open311Requests.Where(r => r.CaseId == caseId && r.MediaStatus == Open311MediaStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.MediaStatus, status).SetProperty(r => r.MediaNextAttemptAt, next)
                        .SetProperty(r => r.MediaProblem, problem), cancellationToken);
            }
        }

        if (retry)
        {
            LogRetry(caseId, attempts, problem, next!.Value);
        }
        else if (status == Open311MediaStatus.Refused)
        {
            LogRefused(caseId, problem);
        }
        else
        {
            LogGaveUp(caseId, attempts, problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Open311 media of case {CaseId} stored: {Bytes} bytes of {ContentType}")]
    private partial void LogStored(long caseId, int bytes, string contentType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Open311 media of case {CaseId}: attempt {Attempt} failed ({Problem}); tried again at {Next}")]
    private partial void LogRetry(long caseId, int attempt, string problem, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open311 media of case {CaseId} refused: {Problem}; only its link is kept")]
    private partial void LogRefused(long caseId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open311 media of case {CaseId} not fetched after {Attempts} attempts ({Problem}); only its link is kept")]
    private partial void LogGaveUp(long caseId, int attempts, string problem);
}
