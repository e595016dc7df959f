using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Persistence;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Officials;

internal sealed class OfficialChatResolver(ResidentBotDbContext db) : IOfficialChatResolver
{
    public async Task<OfficialChat?> ResolveAsync(Official official, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (official.TelegramUserId is { } telegramId)
        {
            var id = telegramId.ToString(CultureInfo.InvariantCulture);
            return new OfficialChat(ChannelNames.Telegram, id, id);
        }

        var identity = await db.OfficialChannelIdentities.AsNoTracking()
            .Where(i => i.OfficialId == official.Id)
            .OrderBy(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return identity is null ? null : new OfficialChat(identity.Channel, identity.ChatId, identity.ExternalId);
    }
}
