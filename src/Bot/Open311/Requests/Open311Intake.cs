using Hangfire;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Open311.Media;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Open311;
using ResidentBot.Persistence.Residents;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Engine;
using ResidentBot.Routing.Open311;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Open311.Requests;

/// <summary>
/// Files a checked Open311 request as a case, in one transaction: the client's resident (one per key and account,
/// e-mail or device — <see cref="ClientIdentity"/>), the case through <see cref="CaseIntake"/> exactly as the bot's own
/// report (so the official gets the usual card and the chase starts), and what the client sent beyond the case. A
/// <c>media_url</c> of an allowed host is only marked pending here and fetched by <see cref="Open311MediaJob"/> after
/// the commit: the client's answer never waits for another server, and a fetch that fails loses nothing.
/// </summary>
internal sealed partial class Open311Intake(IServiceScopeFactory scopes, IWriteGate writeGate, OutboxSignal outboxSignal, MediaGuard media,
    IBackgroundJobClient jobs, TimeProvider time, ILogger<Open311Intake> logger)
{
    /// <summary>The new case's tracking code and the service notice naming the accountable title and both deadlines.</summary>
    public async Task<(string TrackingCode, string Notice)> SubmitAsync(Open311Call call, RequestForm form, RoutingDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(decision);
        var key = call.Key ?? throw new InvalidOperationException("Only a caller with an API key files requests.");
        Case @case;
        try
        {
            @case = await FileAsync(call, key, form, decision, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Two first reports of one client account at once (a database that writes concurrently): the resident the
            // other made is there now, so the second attempt files against it.
            LogRetried(ex, key.Name);
            @case = await FileAsync(call, key, form, decision, cancellationToken);
        }

        outboxSignal.Notify();
        LogFiled(@case.TrackingCode, key.Name, decision.Area.Code, decision.Official.Code);
        if (form.MediaUrl is not null && media.FetchesAny && media.Check(new Uri(form.MediaUrl)) is null)
        {
            Fetch(@case.Id);
        }

        return (@case.TrackingCode, Notice(call.Language, @case.TrackingCode, decision.Official.Title, decision.AcknowledgeDueAt, decision.ResolveDueAt, call.Zone));
    }

    private async Task<Case> FileAsync(Open311Call call, Open311Key key, RequestForm form, RoutingDecision decision, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var intake = scope.ServiceProvider.GetRequiredService<CaseIntake>();
        Case @case;
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var resident = await ResidentAsync(db, key.Id, form, call.Language, now, cancellationToken);
            var report = new NewCase(resident.Id, decision.Category.Id, decision.Area.Id, form.Description, form.Latitude, form.Longitude, form.Address);
            @case = await intake.SubmitAsync(report, decision, call.Zone, [], now, cancellationToken);
            db.Open311Requests.Add(Origin(@case.Id, key.Id, form.MediaUrl, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return @case;
    }

    /// <summary>
    /// The Open311 row, with its media fetch pending when a host is allowed at all and the link passes the guard's first
    /// look (a link it refuses is refused now, with why); with no host allowed, the link is only kept.
    /// </summary>
    private Open311Request Origin(long caseId, int keyId, string? mediaUrl, DateTimeOffset now)
    {
        var row = new Open311Request { CaseId = caseId, KeyId = keyId, MediaUrl = mediaUrl, CreatedAt = now };
        if (mediaUrl is not null && media.FetchesAny)
        {
            if (media.Check(new Uri(mediaUrl)) is { } refusal)
            {
                (row.MediaStatus, row.MediaProblem) = (Open311MediaStatus.Refused, refusal[..Math.Min(refusal.Length, Open311Request.MaxMediaProblemLength)]);
                LogRefused(caseId, refusal);
            }
            else
            {
                (row.MediaStatus, row.MediaNextAttemptAt) = (Open311MediaStatus.Pending, now);
            }
        }

        return row;
    }

    // After the commit. Should Hangfire's storage refuse the job, the row is pending and the chase sweep's step finds it.
    private void Fetch(long caseId)
    {
        try
        {
            jobs.Enqueue<Open311MediaJob>(job => job.RunAsync(caseId, CancellationToken.None));
        }
        catch (Exception ex) when (ex is InvalidOperationException or BackgroundJobClientException)
        {
            LogEnqueueFailed(ex, caseId);
        }
    }

    public static string Notice(string language, string code, string title, DateTimeOffset? acknowledgeBy, DateTimeOffset? resolveBy, TimeZoneInfo zone) =>
        Texts.Format(language, "Open311.Notice", code, title, TimeText.Local(acknowledgeBy, zone), TimeText.Local(resolveBy, zone));

    private static async Task<Resident> ResidentAsync(
        ResidentBotDbContext db, int keyId, RequestForm form, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var externalId = ClientIdentity.ExternalId(keyId, form.AccountId, form.Email, form.DeviceId);
        var resident = await db.WithIdentity(ClientIdentity.Channel, externalId).FirstOrDefaultAsync(cancellationToken);
        if (resident is null)
        {
            resident = new Resident
            {
                Language = language,
                CreatedAt = now,
                Identities = [new ResidentIdentity { Channel = ClientIdentity.Channel, ExternalId = externalId }],
            };
            db.Residents.Add(resident);
        }

        resident.DisplayName = form.ReporterName ?? resident.DisplayName;
        resident.Phone = form.Phone ?? resident.Phone;
        await db.SaveChangesAsync(cancellationToken);
        return resident;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Open311 client {Client}'s request collided with another write; filed again")]
    private partial void LogRetried(Exception ex, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open311 media of case {CaseId} refused: {Problem}; only its link is kept")]
    private partial void LogRefused(long caseId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open311 media fetch of case {CaseId} could not be queued; the next chase sweep queues it")]
    private partial void LogEnqueueFailed(Exception ex, long caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Open311 client {Client} filed case {TrackingCode} in {AreaCode}, accountable {OfficialCode}")]
    private partial void LogFiled(string trackingCode, string client, string areaCode, string officialCode);
}
