using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Residents;

namespace ResidentBot.Bot.Notifications;

/// <summary>Where an official's messages go, and in which language.</summary>
internal sealed record OfficialChat(int OfficialId, string Channel, string ChatId, string Language)
{
    public string T(string key, params object?[] args) => Texts.Format(Language, key, args);
}

/// <summary>
/// Finds officials' chats: their Telegram account when they have one, otherwise an account bound on another
/// channel (the web chat demo's official conversations). The language is the one that account chose as a
/// resident, Vietnamese until then. Officials not onboarded anywhere have no chat.
/// </summary>
internal sealed class OfficialChats(ResidentBotDbContext db)
{
    public async Task<OfficialChat?> FindAsync(int officialId, CancellationToken cancellationToken) =>
        (await FindAsync([officialId], cancellationToken)).GetValueOrDefault(officialId);

    /// <summary>The chats of those officials who have one, in a few queries whatever their number.</summary>
    public async Task<IReadOnlyDictionary<int, OfficialChat>> FindAsync(IReadOnlyCollection<int> officialIds, CancellationToken cancellationToken)
    {
        var ids = officialIds.Distinct().ToList();
        var telegram = await db.Officials.AsNoTracking().Where(o => ids.Contains(o.Id) && o.TelegramUserId != null)
            .Select(o => new { o.Id, o.TelegramUserId }).ToListAsync(cancellationToken);
        var accounts = telegram.Select(o => (o.Id, Channel: ChannelNames.Telegram, Chat: o.TelegramUserId!.Value.ToString(CultureInfo.InvariantCulture),
            User: o.TelegramUserId!.Value.ToString(CultureInfo.InvariantCulture))).ToList();
        var others = ids.Except(accounts.Select(a => a.Id)).ToList();
        if (others.Count > 0)
        {
            var bound = await db.OfficialChannelIdentities.AsNoTracking().Where(i => others.Contains(i.OfficialId))
                .OrderBy(i => i.Id).ToListAsync(cancellationToken);
            accounts.AddRange(bound.DistinctBy(i => i.OfficialId).Select(i => (i.OfficialId, i.Channel, i.ChatId, i.ExternalId)));
        }

        var chats = new Dictionary<int, OfficialChat>();
        foreach (var channel in accounts.GroupBy(a => a.Channel))
        {
            var languages = await db.LanguagesOfAsync(channel.Key, [.. channel.Select(a => a.User)], cancellationToken);
            foreach (var (id, name, chat, user) in channel)
            {
                chats[id] = new OfficialChat(id, name, chat, languages.GetValueOrDefault(user) ?? Texts.Vietnamese);
            }
        }

        return chats;
    }
}
