using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Persistence;
using ResidentBot.Routing.Identities;

namespace ResidentBot.Bot.People;

/// <summary>Since when no enabled channel reaches each of some officials (absent: one may reach them), for the chase.</summary>
internal sealed class OfficialReach(ResidentBotDbContext db, IEnumerable<IChannelSender> senders)
{
    private readonly HashSet<string> enabled = [.. senders.Select(s => s.Channel)];

    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> UnreachableSinceAsync(IReadOnlyCollection<int> officialIds, CancellationToken cancellationToken)
    {
        var identities = await db.OfficialIdentities.AsNoTracking().Where(i => officialIds.Contains(i.OfficialId)).ToListAsync(cancellationToken);
        var result = new Dictionary<int, DateTimeOffset>();
        foreach (var id in officialIds.Distinct())
        {
            if (Reachability.UnreachableSince(identities.Where(i => i.OfficialId == id), enabled.Contains) is { } since)
            {
                result[id] = since;
            }
        }

        return result;
    }
}
