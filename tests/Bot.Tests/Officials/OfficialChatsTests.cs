using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Tests.Officials;

public sealed class OfficialChatsTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_official_is_reached_on_the_identity_they_used_last_and_each_chat_keeps_its_language()
    {
        await using var host = await BotTestHost.StartAsync();
        int onTelegram, onWeb, onBoth, lost, nowhere;
        await using (var db = host.NewDbContext())
        {
            var officials = await db.Officials.Include(o => o.Identities).OrderBy(o => o.Id).Take(5).ToListAsync();
            (onTelegram, onWeb, onBoth, lost, nowhere) = (officials[0].Id, officials[1].Id, officials[2].Id, officials[3].Id, officials[4].Id);
            officials[0].BindTelegram(9001);
            officials[1].Identities.Add(new OfficialIdentity { Channel = ChannelNames.WebChat, ExternalId = "dl_web", ChatId = "dl_web" });
            officials[2].BindTelegram(9002);
            officials[2].Identities[0].LastInteractionAt = Earlier;
            officials[2].Identities.Add(new OfficialIdentity { Channel = ChannelNames.WebChat, ExternalId = "dl_both", ChatId = "dl_both", LastInteractionAt = Earlier.AddHours(1) });
            officials[3].BindTelegram(9003);
            officials[3].Identities[0].UnreachableSince = Earlier;
            db.Residents.Add(new Resident { Language = "en", Identities = [new ResidentIdentity { Channel = ChannelNames.WebChat, ExternalId = "dl_web" }] });
            await db.SaveChangesAsync();
        }

        using var scope = host.Services.CreateScope();
        var chats = await scope.ServiceProvider.GetRequiredService<OfficialChats>().FindAsync([onTelegram, onWeb, onBoth, lost, nowhere], CancellationToken.None);

        Assert.Equal((ChannelNames.Telegram, "9001", "vi", true), (chats[onTelegram].Channel, chats[onTelegram].ChatId, chats[onTelegram].Language, chats[onTelegram].Reachable));
        Assert.Equal((ChannelNames.WebChat, "dl_web", "en"), (chats[onWeb].Channel, chats[onWeb].ChatId, chats[onWeb].Language));
        Assert.Equal((ChannelNames.WebChat, "dl_both"), (chats[onBoth].Channel, chats[onBoth].ChatId));
        Assert.Equal((ChannelNames.Telegram, "9003", false), (chats[lost].Channel, chats[lost].ChatId, chats[lost].Reachable));
        Assert.False(chats.ContainsKey(nowhere));
    }
}
