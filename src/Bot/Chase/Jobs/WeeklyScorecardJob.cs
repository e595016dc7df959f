using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Chase.Scorecard;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Escalation;

namespace ResidentBot.Bot.Chase.Jobs;

/// <summary>The weekly scorecard to each supervisor: per ward and official over the last 7 days, with a chart.</summary>
internal sealed class WeeklyScorecardJob(
    ResidentBotDbContext db, ChaseRules rules, OfficialNotifier officials, Dialogues.Counts.DialogueCounts dialogues, IHostEnvironment environment,
    TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - TimeSpan.FromDays(7);
        var view = await rules.GetAsync(cancellationToken);
        var directory = view.Engine.Directory;
        var week = TimeZoneInfo.ConvertTime(now, view.Engine.Calendar.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sent = 0;
        foreach (var (supervisorId, areas) in SupervisorScope.Of(directory, now))
        {
            var ids = areas.ToList();
            var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.AreaId) && c.CreatedAt >= since && c.CreatedAt < now)
                .Select(c => new { c.AreaId, c.AccountableOfficialId, c.CreatedAt, c.AcknowledgeDueAt, c.AcknowledgedAt, c.ResolveDueAt, c.ResolvedAt, c.Rating, c.PausedFor, c.PausedAt })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                continue;
            }

            var cases = rows.Select(r => new ScoreCase(directory.AreasById[r.AreaId].Name,
                r.AccountableOfficialId is { } o && directory.OfficialsById.TryGetValue(o, out var official) ? official.Title : "?",
                r.CreatedAt, r.AcknowledgeDueAt, r.AcknowledgedAt, r.ResolveDueAt, r.ResolvedAt, r.Rating,
                r.PausedFor + (r.PausedAt is { } since ? now - since : TimeSpan.Zero))).ToList();
            var lines = ScorecardCalculator.Lines(cases);
            var folder = Path.Combine(environment.ContentRootPath, view.Options.DataFolder, "scorecards");
            var chart = ScorecardChart.Write([.. lines.Where(l => l.Official is null)], Path.Combine(folder, $"scorecard-{supervisorId}-{week}.png"));
            var key = $"scorecard:{supervisorId}:{week}";
            if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, cancellationToken))
            {
                continue;
            }

            var tally = await dialogues.ForAsync(areas, now, cancellationToken);
            await officials.SendAsync(supervisorId, key, chat => new OutboundMessage { Text = Render(chat, lines) + tally.Render(chat) }, cancellationToken);
            await officials.SendAsync(supervisorId, key + ":chart", _ => new OutboundMessage { PhotoPath = chart }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    internal static string Render(OfficialChat chat, IReadOnlyList<ScoreLine> lines)
    {
        var text = new StringBuilder(chat.T("Chase.Scorecard.Header"));
        foreach (var line in lines)
        {
            var median = line.MedianToResolve is { } m ? m.TotalDays.ToString("0.0", Texts.Culture(chat.Language)) : "–";
            var rating = line.AverageRating is { } r ? r.ToString("0.0", Texts.Culture(chat.Language)) : "–";
            text.Append('\n').Append(line.Official is null ? $"\n{line.Ward}" : $"• {line.Official}")
                .Append(": ").Append(chat.T("Chase.Scorecard.Line", line.Received, line.AcknowledgedOnTime, line.ResolvedOnTime, median, rating));
            if (line.Official is null && line.Paused > 0)
            {
                text.Append('\n').Append(chat.T("Chase.Scorecard.Paused", line.Paused, TimeText.Duration(chat.Language, line.PausedTotal)));
            }
        }

        return text.ToString();
    }
}
