using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Identities;

namespace ResidentBot.Bot.Dialogues;

/// <summary>Where a resident's messages about dialogues go, and in which language.</summary>
internal sealed record ResidentChat(int ResidentId, Addressee To, string Language)
{
    public string Channel => To.Channel;

    public string ChatId => To.Recipient;

    public string T(string key, params object?[] args) => Texts.Format(Language, key, args);
}

/// <summary>
/// Which residents belong to which areas, for dialogues. A resident's areas are those of the cases they reported within
/// <c>Dialogues:ResidentAreaWithin</c>: the bot asks nobody for an address beyond their reports. Messages go, as every
/// notice about their cases does, to the identity that reaches the resident now, or wait for their next interaction
/// (a Zalo user outside the window gets the invitation when they next write).
/// </summary>
internal sealed class DialogueResidents(ResidentBotDbContext db, IEnumerable<IChannelSender> senders)
{
    private readonly HashSet<string> enabled = [.. senders.Select(s => s.Channel)];

    public async Task<List<int>> OfAreasAsync(IReadOnlyCollection<int> areaIds, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking().Where(c => areaIds.Contains(c.AreaId) && c.CreatedAt >= since)
            .Select(c => c.ResidentId).Distinct().ToListAsync(cancellationToken);

    public async Task<HashSet<int>> AreasOfAsync(int residentId, DateTimeOffset since, CancellationToken cancellationToken) =>
        [.. await db.Cases.AsNoTracking().Where(c => c.ResidentId == residentId && c.CreatedAt >= since)
            .Select(c => c.AreaId).Distinct().ToListAsync(cancellationToken)];

    public async Task<IReadOnlyDictionary<int, ResidentChat>> ChatsAsync(IReadOnlyCollection<int> residentIds, CancellationToken cancellationToken)
    {
        var ids = residentIds.Distinct().ToList();
        var residents = await db.Residents.AsNoTracking().Include(r => r.Identities)
            .Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var chats = new Dictionary<int, ResidentChat>();
        foreach (var resident in residents)
        {
            if (Reachability.Choose(resident.Identities, enabled.Contains) is var (identity, reachable))
            {
                var to = new Addressee(identity.Channel, ((IChannelIdentity)identity).Recipient, reachable, ResidentId: resident.Id);
                chats[resident.Id] = new ResidentChat(resident.Id, to, resident.Language);
            }
        }

        return chats;
    }

    public async Task<ResidentChat?> ChatAsync(int residentId, CancellationToken cancellationToken) =>
        (await ChatsAsync([residentId], cancellationToken)).GetValueOrDefault(residentId);
}
