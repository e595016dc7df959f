using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Dialogues;

/// <summary>Where a resident's messages about dialogues go, and in which language.</summary>
internal sealed record ResidentChat(int ResidentId, string Channel, string ChatId, string Language)
{
    public string T(string key, params object?[] args) => Texts.Format(Language, key, args);
}

/// <summary>
/// Which residents belong to which areas, for dialogues. A resident's areas are those of the cases they reported within
/// <c>Dialogues:ResidentAreaWithin</c>: the bot asks nobody for an address beyond their reports. Messages go to the
/// resident's first channel identity, as every notice about their cases does.
/// </summary>
internal sealed class DialogueResidents(ResidentBotDbContext db)
{
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
        return residents.Where(r => r.Identities.Count > 0).ToDictionary(r => r.Id, r =>
        {
            var identity = r.Identities.OrderBy(i => i.Id).First();
            return new ResidentChat(r.Id, identity.Channel, identity.ExternalId, r.Language);
        });
    }

    public async Task<ResidentChat?> ChatAsync(int residentId, CancellationToken cancellationToken) =>
        (await ChatsAsync([residentId], cancellationToken)).GetValueOrDefault(residentId);
}
