using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Tests.Infrastructure;

/// <summary>Officials' Telegram accounts in tests, as the directory's <c>telegramUserId</c> or an invite binds them.</summary>
internal static class OfficialBindings
{
    /// <summary>Binds (or moves) the official's Telegram account; load <see cref="Official.Identities"/> first.</summary>
    public static void BindTelegram(this Official official, long userId)
    {
        var id = userId.ToString(CultureInfo.InvariantCulture);
        var identity = official.Identities.FirstOrDefault(i => i.Channel == "telegram");
        if (identity is null)
        {
            official.Identities.Add(new OfficialIdentity { Channel = "telegram", ExternalId = id, ChatId = id });
        }
        else
        {
            identity.ExternalId = identity.ChatId = id;
        }
    }

    /// <summary>The Telegram user id the official is bound to, or null.</summary>
    public static async Task<long?> TelegramUserIdOfAsync(this ResidentBotDbContext db, string officialCode)
    {
        var id = await db.OfficialIdentities.Where(i => i.Channel == "telegram" && db.Officials.Any(o => o.Id == i.OfficialId && o.Code == officialCode))
            .Select(i => i.ExternalId).FirstOrDefaultAsync();
        return id is null ? null : long.Parse(id, CultureInfo.InvariantCulture);
    }
}
