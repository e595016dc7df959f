using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Counts;

/// <summary>
/// The dialogue lines of a supervisor's daily digest and weekly scorecard: each leader in their areas with a minimum,
/// their dialogues held this year against it, and a flag when they are behind it after <c>Dialogues:FlagAfter</c>.
/// </summary>
internal sealed class DialogueCounts(ResidentBotDbContext db, DialogueRules rules)
{
    public async Task<DialogueTally> ForAsync(IReadOnlySet<int> areaIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(areaIds);
        var view = await rules.GetAsync(cancellationToken);
        var local = TimeZoneInfo.ConvertTime(now, view.Zone);
        var yearStart = new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, local.Offset);
        var flagDate = view.Options.FlagDate.In(local.Year);
        var leaders = DialogueQuota.For(view.Engine.Directory, areaIds, [], now, view.Zone, view.Options.FlagDate)
            .Select(l => l.Leader.Id).Distinct().ToList();
        if (leaders.Count == 0)
        {
            return new DialogueTally([], local.Year, flagDate);
        }

        var held = await db.Set<Dialogue>().AsNoTracking()
            .Where(d => leaders.Contains(d.LeaderOfficialId) && d.StartsAt >= yearStart && d.StartsAt <= now)
            .Select(d => new HeldDialogue(d.LeaderOfficialId, d.LeaderAreaId, d.StartsAt)).ToListAsync(cancellationToken);
        return new DialogueTally(DialogueQuota.For(view.Engine.Directory, areaIds, held, now, view.Zone, view.Options.FlagDate), local.Year, flagDate);
    }
}
