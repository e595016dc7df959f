using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>An official on the web chat: the card says how to answer there, and is edited in place when the case changes.</summary>
public sealed class WebChatCaseCardTests
{
    [Fact]
    public async Task A_web_chat_officials_card_says_how_to_answer_there_and_acknowledging_edits_the_card_not_the_press()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        var userId = host.Services.GetRequiredService<WebChatTokens>().Validate(token)!.UserId;
        await host.Services.GetRequiredService<WebChatLog>().EnsureAsync(conversation, userId, CancellationToken.None);
        var id = await ReportToWebOfficialAsync(host, conversation, userId);

        var card = await SentAsync(host, m => m.Recipient == conversation && m.Tag != null && m.Tag.StartsWith(CaseTag.CardPrefix(id), StringComparison.Ordinal));
        var sent = OutboxWriter.Read(card);
        Assert.Contains("bấm «💬 Trả lời» rồi viết nội dung trả lời", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Telegram", sent.Text, StringComparison.Ordinal);
        var acknowledge = sent.Buttons.SelectMany(row => row).Single(b => b.Data.StartsWith("o.ack:", StringComparison.Ordinal));

        using var press = WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token, new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = userId },
            ["value"] = new JsonObject { ["data"] = acknowledge.Data },
        });
        (await http.SendAsync(press)).EnsureSuccessStatusCode();

        var edit = OutboxWriter.Read(await SentAsync(host, m => m.Recipient == conversation && m.Id > card.Id && m.Tag == card.Tag));
        Assert.Equal(card.ExternalMessageId, edit.EditMessageId);
        Assert.Contains("· đang xử lý", edit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(edit.Buttons.SelectMany(row => row), b => b.Data.StartsWith("o.ack:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Officials_help_in_the_web_chat_does_not_send_them_to_telegram()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        var userId = host.Services.GetRequiredService<WebChatTokens>().Validate(token)!.UserId;
        await host.Services.GetRequiredService<WebChatLog>().EnsureAsync(conversation, userId, CancellationToken.None);
        await BindLeaderAsync(host, conversation, userId);

        using var help = WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token, new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = userId },
            ["text"] = "/help",
        });
        (await http.SendAsync(help)).EnsureSuccessStatusCode();

        var text = OutboxWriter.Read(await SentAsync(host, m => m.Recipient == conversation && OutboxWriter.Read(m).Text.Contains("/queue", StringComparison.Ordinal))).Text;
        Assert.Contains("/queue", text, StringComparison.Ordinal);
        Assert.Contains("bấm «💬 Trả lời» trên thẻ phản ánh rồi viết nội dung trả lời", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Telegram", text, StringComparison.Ordinal);
    }

    private static async Task<int> BindLeaderAsync(WebChatTestHost host, string conversation, string userId)
    {
        await using var db = host.NewDbContext();
        var leader = await db.Officials.SingleAsync(o => o.Code == "HD.TPHD.TRANPHU.CT");
        db.OfficialIdentities.Add(new OfficialIdentity { OfficialId = leader.Id, Channel = ChannelNames.WebChat, ExternalId = userId, ChatId = conversation });
        await db.SaveChangesAsync();
        return leader.Id;
    }

    /// <summary>Binds the ward leader to this web conversation and routes a new case to them, card and all.</summary>
    private static async Task<long> ReportToWebOfficialAsync(WebChatTestHost host, string conversation, string userId)
    {
        await BindLeaderAsync(host, conversation, userId);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var engine = await scope.ServiceProvider.GetRequiredService<CurrentRouting>().GetAsync(CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        var resident = db.Residents.Add(new Resident
        {
            DisplayName = "Lan", CreatedAt = now, Identities = [new ResidentIdentity { Channel = ChannelNames.Telegram, ExternalId = "5001" }],
        }).Entity;
        await db.SaveChangesAsync();
        var decision = engine.Reroute(engine.Directory.AreasByCode["HD.TPHD.TRANPHU"].Id, "lighting", now);
        var @case = Case.Create(new NewCase(resident.Id, decision.Category.Id, decision.Area.Id, "Đèn đường hỏng"), "HD-2026-000001", now);
        @case.Assign(decision.ToAssignment(), Actor.System, now);
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<CaseCards>().SendAsync(@case, CancellationToken.None);
        await db.SaveChangesAsync();
        host.Services.GetRequiredService<OutboxSignal>().Notify();
        return @case.Id;
    }

    private static async Task<OutboxMessage> SentAsync(WebChatTestHost host, Func<OutboxMessage, bool> match)
    {
        OutboxMessage? found = null;
        await OfficialsHarness.WaitUntilAsync(async () =>
        {
            await using var db = host.NewDbContext();
            found = (await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Sent).OrderBy(m => m.Id).ToListAsync()).FirstOrDefault(match);
            return found is not null;
        });
        return found!;
    }
}
