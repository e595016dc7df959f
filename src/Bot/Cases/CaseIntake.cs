using Microsoft.Extensions.Options;
using ResidentBot.Bot.Notifications;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Cases;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Cases;

/// <summary>A photo that comes with a new report: the channel it came through and its stored reference.</summary>
internal sealed record IntakePhoto(string Channel, string FileRef, string ContentType);

/// <summary>
/// The one way a report becomes a case, whatever brought it (a chat's report flow, an Open311 client): a tracking code,
/// the case assigned to the routing decision's one accountable official, its photos, and the official's card queued.
/// Runs in the caller's transaction (the code and the case commit together) and leaves the reply to the caller.
/// </summary>
internal sealed class CaseIntake(ResidentBotDbContext db, TrackingCodeAllocator codes, IOptions<CaseOptions> options, CaseCards cards)
{
    public async Task<Case> SubmitAsync(
        NewCase report, RoutingDecision decision, TimeZoneInfo zone, IReadOnlyList<IntakePhoto> photos, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(photos);
        var code = await codes.NextAsync(options.Value.TrackingPrefix, TimeZoneInfo.ConvertTime(now, zone).Year, cancellationToken);
        var @case = Case.Create(report, code, now);
        @case.Assign(decision.ToAssignment(), Actor.System, now);
        foreach (var photo in photos)
        {
            @case.Attach(new CaseAttachment
            {
                Channel = photo.Channel, FileRef = photo.FileRef, ContentType = photo.ContentType, AddedBy = ActorKind.Resident, AddedAt = now,
            });
        }

        db.Cases.Add(@case);
        await db.SaveChangesAsync(cancellationToken); // the case card is tagged with the generated id
        await cards.SendFirstAsync(@case, cancellationToken);
        return @case;
    }
}
