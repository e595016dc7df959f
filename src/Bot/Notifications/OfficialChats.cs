using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Residents;
using ResidentBot.Routing.Identities;

namespace ResidentBot.Bot.Notifications;

/// <summary>
/// Where an official's messages go, and in which language. <see cref="Reachable"/> false: no channel reaches them now,
/// and what is sent waits on this chat for their next interaction.
/// </summary>
internal sealed record OfficialChat(int OfficialId, string Channel, string ChatId, string Language, bool Reachable = true)
{
    public Addressee To => new(Channel, ChatId, Reachable, OfficialId: OfficialId);

    public string T(string key, params object?[] args) => Texts.Format(Language, key, args);
}

/// <summary>
/// Finds officials' chats among their identities on every enabled channel: the one that reaches them now, latest
/// interaction first (<see cref="Reachability.Choose"/>). The language is the one that account chose as a resident,
/// Vietnamese until then. Officials with no identity on an enabled channel have no chat.
/// </summary>
internal sealed class OfficialChats(ResidentBotDbContext db, IEnumerable<IChannelSender> senders)
{
    private readonly HashSet<string> enabled = [.. senders.Select(s => s.Channel)];

    public async Task<OfficialChat?> FindAsync(int officialId, CancellationToken cancellationToken) =>
        (await FindAsync([officialId], cancellationToken)).GetValueOrDefault(officialId);

    /// <summary>The chats of those officials who have one, in a few queries whatever their number.</summary>
    public async Task<IReadOnlyDictionary<int, OfficialChat>> FindAsync(IReadOnlyCollection<int> officialIds, CancellationToken cancellationToken)
    {
        var ids = officialIds.Distinct().ToList();
        // Tracked, so a turn that just heard from the official (reachable again) sends there in the same unit of work.
        var identities = await db.OfficialIdentities.Where(i => ids.Contains(i.OfficialId)).ToListAsync(cancellationToken);
        var chosen = identities.GroupBy(i => i.OfficialId)
            .Select(g => Reachability.Choose(g, enabled.Contains))
            .OfType<(Routing.Officials.OfficialIdentity Identity, bool Reachable)>()
            .ToList();

        var chats = new Dictionary<int, OfficialChat>();
        foreach (var channel in chosen.GroupBy(c => c.Identity.Channel))
        {
            var languages = await db.LanguagesOfAsync(channel.Key, [.. channel.Select(c => c.Identity.ExternalId)], cancellationToken);
            foreach (var (identity, reachable) in channel)
            {
                chats[identity.OfficialId] = new OfficialChat(identity.OfficialId, identity.Channel, identity.ChatId,
                    languages.GetValueOrDefault(identity.ExternalId) ?? Texts.Vietnamese, reachable);
            }
        }

        return chats;
    }
}
