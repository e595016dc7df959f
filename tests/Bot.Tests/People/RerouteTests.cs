using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Officials;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.People;

/// <summary>When one channel loses a person, another that still reaches them carries what waits, at once.</summary>
public sealed class RerouteTests
{
    private const string Web = "dl_leader_web";

    [Fact]
    public async Task A_card_refused_on_telegram_goes_at_once_to_the_official_s_web_chat_with_live_buttons_and_nothing_escalates()
    {
        await using var bed = await OfficialsHarness.StartAsync();
        var now = TimeProvider.System.GetUtcNow();
        await bed.Host.Services.GetRequiredService<WebChatLog>().EnsureAsync(Web, Web, CancellationToken.None);
        await using (var db = bed.Host.NewDbContext())
        {
            var leader = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Code == TranPhuLeaderCode);
            leader.Identities.Single().LastInteractionAt = now.AddMinutes(-1);
            leader.Identities.Add(new OfficialIdentity { Channel = ChannelNames.WebChat, ExternalId = Web, ChatId = Web, LastInteractionAt = now.AddHours(-1) });
            await db.SaveChangesAsync();
        }

        bed.Api.FailNextTo(Chat(TranPhuLeader), 1, FakeFailure.BotBlocked());
        var caseId = await bed.CreateCaseAsync();

        var card = await bed.Host.WaitForAsync(
            (db, ct) => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == Web && m.Tag!.StartsWith($"case:{caseId}:card:")).ToListAsync(ct),
            rows => rows.Count == 1 && rows[0].Status == OutboxStatus.Sent);
        var sent = OutboxWriter.Read(card[0]);
        Assert.Contains(sent.Buttons.SelectMany(row => row), b => b.Data.StartsWith("o.ack:", StringComparison.Ordinal));
        await using var check = bed.Host.NewDbContext();
        var header = await check.OutboxMessages.AsNoTracking().Where(m => m.Recipient == Web && m.Id < card[0].Id).SingleAsync();
        Assert.Contains("Bạn có 1 cập nhật mới", OutboxWriter.Read(header).Text, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Superseded, (await check.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Recipient == Chat(TranPhuLeader) && m.Tag!.StartsWith($"case:{caseId}:card:"))).Status);
        Assert.Equal(0, (await bed.CaseAsync(caseId)).EscalationLevel);
    }
}
