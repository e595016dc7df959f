using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Conversations.Status;

/// <summary>A case's log in plain words: when, what, and who by title (never an official's name).</summary>
internal sealed class CaseHistory
{
    public async Task<string> LinesAsync(Turn turn, Case @case, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var events = await turn.Db.CaseEvents.AsNoTracking().Where(e => e.CaseId == @case.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var officialIds = events.Select(e => e.OfficialId).OfType<int>().Distinct().ToList();
        var titles = await turn.Db.Officials.AsNoTracking().Where(o => officialIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);
        return string.Join("\n", events.Select(e => turn.T("Resident.Status.EventLine", TimeText.Local(e.At, zone),
            turn.T($"Resident.Event.{e.Kind}", e.OfficialId is { } id ? titles.GetValueOrDefault(id) : null, e.Note))));
    }
}
