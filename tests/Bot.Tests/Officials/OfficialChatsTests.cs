using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.WebChat;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Tests.Officials;

public sealed class OfficialChatsTests
{
    [Fact]
    public async Task Telegram_comes_first_then_a_bound_web_chat_and_each_chat_keeps_its_language()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Telegram:BotToken"] = "" });
        int onTelegram, onWeb, nowhere;
        await using (var db = host.NewDbContext())
        {
            var officials = await db.Officials.OrderBy(o => o.Id).Take(3).ToListAsync();
            (onTelegram, onWeb, nowhere) = (officials[0].Id, officials[1].Id, officials[2].Id);
            officials[0].TelegramUserId = 9001;
            db.OfficialChannelIdentities.Add(new OfficialChannelIdentity { OfficialId = onWeb, Channel = ChannelNames.WebChat, ExternalId = "dl_web", ChatId = "dl_web" });
            db.Residents.Add(new Resident { Language = "en", Identities = [new ResidentIdentity { Channel = ChannelNames.WebChat, ExternalId = "dl_web" }] });
            await db.SaveChangesAsync();
        }

        using var scope = host.Services.CreateScope();
        var chats = await scope.ServiceProvider.GetRequiredService<OfficialChats>().FindAsync([onTelegram, onWeb, nowhere], CancellationToken.None);

        Assert.Equal((ChannelNames.Telegram, "9001", "vi"), (chats[onTelegram].Channel, chats[onTelegram].ChatId, chats[onTelegram].Language));
        Assert.Equal((ChannelNames.WebChat, "dl_web", "en"), (chats[onWeb].Channel, chats[onWeb].ChatId, chats[onWeb].Language));
        Assert.False(chats.ContainsKey(nowhere));
    }
}
