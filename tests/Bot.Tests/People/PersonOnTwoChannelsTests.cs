using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Residents;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.People;

/// <summary>Messages go to a person, once, on the channel that reaches them now: the one they used last.</summary>
public sealed class PersonOnTwoChannelsTests
{
    private const string Conversation = "dl_lan_web";
    private const long Lan = OfficialsHarness.Resident;

    [Fact]
    public async Task A_resident_on_telegram_and_the_web_chat_gets_each_notice_once_on_the_channel_used_last()
    {
        await using var bed = await OfficialsHarness.StartAsync();
        var caseId = await bed.CreateCaseAsync();
        var code = await bed.CodeAsync(caseId);
        var now = TimeProvider.System.GetUtcNow();
        await bed.Host.Services.GetRequiredService<WebChatLog>().EnsureAsync(Conversation, Conversation, CancellationToken.None);
        await using (var db = bed.Host.NewDbContext())
        {
            var resident = await db.Residents.Include(r => r.Identities).SingleAsync(r => r.Identities.Any(i => i.ExternalId == Chat(Lan)));
            resident.Identities[0].LastInteractionAt = now.AddHours(-1);
            resident.Identities.Add(new ResidentIdentity { Channel = ChannelNames.WebChat, ExternalId = Conversation, LastInteractionAt = now.AddMinutes(-1) });
            await db.SaveChangesAsync();
        }

        var first = await NotifyAsync(bed, caseId, "marker-one");
        Assert.Equal((ChannelNames.WebChat, Conversation), (first.Channel, first.Recipient));

        // The resident writes on Telegram: that is now the channel that reaches them.
        await bed.SendAsync(FakeUpdates.Text(Lan, "Cho tôi hỏi tình hình phản ánh"));
        var second = await NotifyAsync(bed, caseId, "marker-two");
        Assert.Equal((ChannelNames.Telegram, Chat(Lan)), (second.Channel, second.Recipient));

        await bed.MessageToAsync(Lan, "marker-two");
        Assert.DoesNotContain(bed.Api.CallsTo("sendMessage"), c => (c.String("text") ?? "").Contains("marker-one", StringComparison.Ordinal));
        await using var check = bed.Host.NewDbContext();
        var rows = await check.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains("marker-")).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.All(rows, r => Assert.Contains(code, OutboxWriter.Read(r).Text, StringComparison.Ordinal));
    }

    /// <summary>Queues a resident notice about the case (the escalation notice, with <paramref name="marker"/> as the title) and waits for it to go.</summary>
    private static async Task<OutboxMessage> NotifyAsync(OfficialsHarness bed, long caseId, string marker)
    {
        using (var scope = bed.Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            await scope.ServiceProvider.GetRequiredService<ResidentNotifier>().NotifyAsync(@case, "Chase.Resident.Escalated", [@case.TrackingCode, marker], CancellationToken.None);
            await db.SaveChangesAsync();
        }

        bed.Host.Services.GetRequiredService<OutboxSignal>().Notify();
        var rows = await bed.Host.WaitForAsync(
            (db, ct) => db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(marker)).ToListAsync(ct),
            found => found.Count == 1 && found[0].Status == OutboxStatus.Sent);
        return rows[0];
    }
}
