using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Digests;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Notifications;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Chase;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Escalation;

namespace ResidentBot.Bot.Chase.Jobs;

/// <summary>The daily digest to each supervisor: overdue and escalated cases in their areas, and the change since the last one.</summary>
internal sealed class EscalationDigestJob(
    ResidentBotDbContext db, ChaseRules rules, OfficialNotifier officials, Dialogues.Counts.DialogueCounts dialogues, TimeProvider time)
{
    public const string Kind = "daily";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var view = await rules.GetAsync(cancellationToken);
        var sent = 0;
        foreach (var (supervisorId, areas) in SupervisorScope.Of(view.Engine.Directory, now))
        {
            var ids = areas.ToList();
            var cases = await db.Cases.AsNoTracking().Include(c => c.Followers)
                .Where(c => ids.Contains(c.AreaId) && CaseStatuses.Open.Contains(c.Status)
                    && (c.ResolveDueAt <= now || c.AcknowledgeDueAt <= now || c.EscalationLevel > 0))
                .ToListAsync(cancellationToken);
            var waiting = await db.Cases.AsNoTracking()
                .CountAsync(c => ids.Contains(c.AreaId) && c.Status == CaseStatus.WaitingForResident, cancellationToken);
            var snapshot = await db.Set<DigestSnapshot>().SingleOrDefaultAsync(s => s.SupervisorId == supervisorId && s.Kind == Kind, cancellationToken);
            var day = TimeZoneInfo.ConvertTime(now, view.Engine.Calendar.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (snapshot is not null && TimeZoneInfo.ConvertTime(snapshot.SentAt, view.Engine.Calendar.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == day)
            {
                continue; // already sent today: a second run is a no-op
            }

            var previous = snapshot?.CaseIds.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToHashSet() ?? [];
            var digest = Digest.Build(cases, view.Engine.Directory, previous, now);
            var tally = await dialogues.ForAsync(areas, now, cancellationToken);
            if (digest.Total == 0 && digest.Cleared == 0 && !view.Options.SendEmptyDigest && !tally.AnyFlagged)
            {
                continue;
            }

            await officials.SendAsync(supervisorId, $"digest:{supervisorId}:{day}", chat => new OutboundMessage
            {
                // Cases waiting for residents are not overdue, but a supervisor sees how many are parked that way.
                Text = Render(chat, digest) + (waiting > 0 ? chat.T("Chase.Digest.Waiting", waiting) : string.Empty) + tally.Render(chat),
            }, cancellationToken);
            snapshot ??= db.Set<DigestSnapshot>().Add(new DigestSnapshot { SupervisorId = supervisorId, Kind = Kind }).Entity;
            snapshot.CaseIds = string.Join(',', digest.Rows.Select(r => r.CaseId).Order());
            snapshot.SentAt = now;
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    internal static string Render(OfficialChat chat, Digest digest)
    {
        var text = new StringBuilder(chat.T("Chase.Digest.Header", digest.Total, digest.New, digest.Cleared));
        foreach (var ward in digest.ByWard)
        {
            text.Append("\n\n").Append(ward.Key);
            foreach (var official in ward.GroupBy(r => r.Official))
            {
                text.Append("\n• ").Append(official.Key);
                foreach (var row in official)
                {
                    text.Append("\n   ").Append(chat.T("Chase.Digest.Row", row.TrackingCode, TimeText.Duration(chat.Language, row.Late), row.EscalationLevel));
                    if (row.Followers > 0)
                    {
                        text.Append(chat.T("Chase.Digest.Followers", row.Followers));
                    }
                }
            }
        }

        return text.ToString();
    }
}
