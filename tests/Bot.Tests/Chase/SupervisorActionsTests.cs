using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Chase;

public sealed class SupervisorActionsTests
{
    private const string Leader = "HD.TPHD.TRANPHU.CT";
    private const string Supervisor = "HD.TPHD.UVBTV";
    private const string Deputy = "HD.TPHD.TRANPHU.PCT";

    private static long Id(string code) => ChaseHost.Chats[code];

    private static string Chat(string code) => Id(code).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Urge_nudges_the_accountable_official_and_logs_who_urged()
    {
        await using var host = await StartAsync();
        var id = await EscalateAsync(host);
        var code = (await host.CaseAsync(id)).TrackingCode;
        var supervisor = new ResidentChat(host.Host, Id(Supervisor));

        var answer = (await supervisor.PressAsync("Đôn đốc")).Last(c => c.Method == "answerCallbackQuery");

        Assert.Equal(Texts.Format(Texts.Vietnamese, "Chase.Urge.Done", code), answer.String("text"));
        Assert.NotEqual("true", answer.String("show_alert")?.ToLowerInvariant());
        var nudge = await SentToAsync(host, Chat(Leader), "📣");
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Chase.Urge.ToOfficial", code, "Ủy viên Ban Thường vụ Thành ủy phụ trách địa bàn"), nudge);
        var urged = Assert.Single(await EventsAsync(host, id, CaseEventKind.Urged));
        Assert.Equal(await OfficialIdAsync(host, Supervisor), urged.ActorId);
        Assert.Equal(ActorKind.Official, urged.ActorKind);
        Assert.Equal(await OfficialIdAsync(host, Leader), urged.AddresseeId);
    }

    [Fact]
    public async Task Reassign_hands_the_case_to_the_chosen_official_of_the_area_and_the_chase_follows_them()
    {
        await using var host = await StartAsync();
        var id = await EscalateAsync(host);
        var code = (await host.CaseAsync(id)).TrackingCode;
        var supervisor = new ResidentChat(host.Host, Id(Supervisor));

        var choice = await supervisor.PressAsync("Giao người khác");
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Reassign.Choose", code), ResidentChat.Text(choice), StringComparison.Ordinal);
        var offered = OutboxWriter.Read((await host.OutboxAsync()).Last(m => m.Recipient == Chat(Supervisor))).Buttons.SelectMany(row => row)
            .Select(b => b.Label).ToList();
        Assert.Contains("Phó Chủ tịch UBND phường Trần Phú", offered);
        Assert.DoesNotContain("Chủ tịch UBND phường Trần Phú", offered); // not the one already accountable
        var done = await supervisor.PressAsync("Phó Chủ tịch UBND phường Trần Phú");

        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Reassign.Done", code, "Phó Chủ tịch UBND phường Trần Phú"), ResidentChat.Text(done), StringComparison.Ordinal);
        var @case = await host.CaseAsync(id);
        var deputyId = await OfficialIdAsync(host, Deputy);
        Assert.Equal(deputyId, @case.AccountableOfficialId);
        Assert.Equal(CaseStatus.Assigned, @case.Status);
        Assert.Equal(0, @case.EscalationLevel);
        Assert.True(@case.AcknowledgeDueAt > host.Time.GetUtcNow());
        var reassigned = Assert.Single(await EventsAsync(host, id, CaseEventKind.Reassigned));
        Assert.Equal(await OfficialIdAsync(host, Supervisor), reassigned.ActorId);
        Assert.Contains("by Ủy viên Ban Thường vụ Thành ủy phụ trách địa bàn", reassigned.Note, StringComparison.Ordinal);
        Assert.Equal(deputyId, reassigned.OfficialId);

        var card = await SentToAsync(host, Chat(Deputy), code);
        Assert.Contains("Đèn đường hỏng", card, StringComparison.Ordinal);
        Assert.Contains("Ủy viên Ban Thường vụ Thành ủy phụ trách địa bàn đã giao lại phản ánh này cho đồng chí.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Reassigned", card, StringComparison.Ordinal);
        Assert.Equal(
            Texts.Format(Texts.Vietnamese, "Chase.Resident.Reassigned", code, "Phó Chủ tịch UBND phường Trần Phú"),
            await SentToAsync(host, "5001", "đã được giao cho"));

        var before = (await host.OutboxAsync()).Count;
        await host.StepAsync(id);
        var next = (await host.OutboxAsync()).Skip(before).ToList();
        var reminder = Assert.Single(next);
        Assert.Equal(Chat(Deputy), reminder.Recipient);
        Assert.StartsWith("⏰", OutboxWriter.Read(reminder).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_reassignment_the_former_officials_card_says_where_it_went_and_the_new_official_hears_of_an_extension_on_their_card()
    {
        await using var host = await StartAsync();
        var id = await EscalateAsync(host);
        var code = (await host.CaseAsync(id)).TrackingCode;
        var leaderCard = await SendCardAsync(host, id, Leader);
        var supervisor = new ResidentChat(host.Host, Id(Supervisor));

        await supervisor.PressAsync("Giao người khác");
        await supervisor.PressAsync("Phó Chủ tịch UBND phường Trần Phú");

        var moved = await EditOfAsync(host, Chat(Leader), leaderCard);
        Assert.StartsWith($"↪️ Phản ánh {code} đã chuyển cho Phó Chủ tịch UBND phường Trần Phú (Phường Trần Phú) phụ trách", moved.Text, StringComparison.Ordinal);
        Assert.Empty(moved.Buttons);
        Assert.Equal(
            Texts.Format(Texts.Vietnamese, "Chase.Reassign.ToFormer", code, "Ủy viên Ban Thường vụ Thành ủy phụ trách địa bàn", "Phó Chủ tịch UBND phường Trần Phú"),
            await SentToAsync(host, Chat(Leader), "không còn phụ trách"));
        var deputyCard = await DeliveredCardAsync(host, id, Deputy);

        await supervisor.PressAsync("Gia hạn");
        await supervisor.TextAsync("Chờ nhà cung cấp giao bóng đèn");

        var date = Local((await host.CaseAsync(id)).ResolveDueAt!.Value);
        Assert.Equal(
            Texts.Format(Texts.Vietnamese, "Chase.Extend.ToOfficial", code, date, "Ủy viên Ban Thường vụ Thành ủy phụ trách địa bàn", "Chờ nhà cung cấp giao bóng đèn"),
            await SentToAsync(host, Chat(Deputy), "gia hạn"));
        var refreshed = await EditOfAsync(host, Chat(Deputy), deputyCard);
        Assert.Contains($"Hạn xử lý: {date}", refreshed.Text, StringComparison.Ordinal);
        Assert.Contains(refreshed.Buttons.SelectMany(row => row), b => b.Data.StartsWith("o.ack:", StringComparison.Ordinal));
        Assert.DoesNotContain((await host.OutboxAsync()).Where(m => m.Recipient == Chat(Leader)), m => OutboxWriter.Read(m).Text.Contains("gia hạn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extend_asks_for_a_reason_then_moves_the_deadline_tells_the_resident_why_and_restarts_the_chase()
    {
        await using var host = await StartAsync();
        var id = await EscalateAsync(host);
        var before = await host.CaseAsync(id);
        var supervisor = new ResidentChat(host.Host, Id(Supervisor));

        var ask = await supervisor.PressAsync("Gia hạn");
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Extend.AskReason", before.TrackingCode), ResidentChat.Text(ask), StringComparison.Ordinal);
        Assert.Equal(before.ResolveDueAt, (await host.CaseAsync(id)).ResolveDueAt);
        await supervisor.TextAsync("Chờ nhà cung cấp giao bóng đèn");

        var after = await host.CaseAsync(id);
        Assert.True(after.ResolveDueAt > before.ResolveDueAt, "the resolve deadline did not move");
        Assert.Equal(0, after.EscalationLevel);
        var extended = Assert.Single(await EventsAsync(host, id, CaseEventKind.DeadlineExtended));
        Assert.Equal(await OfficialIdAsync(host, Supervisor), extended.ActorId);
        Assert.StartsWith("Chờ nhà cung cấp giao bóng đèn", extended.Note, StringComparison.Ordinal);
        var date = Local(after.ResolveDueAt!.Value);
        Assert.Equal(
            Texts.Format(Texts.Vietnamese, "Chase.Resident.Extended", before.TrackingCode, date, "Chờ nhà cung cấp giao bóng đèn"),
            await SentToAsync(host, "5001", "gia hạn"));
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Chase.Extend.Done", before.TrackingCode, date), await SentToAsync(host, Chat(Supervisor), "Đã gia hạn"));

        // The chase starts over: nobody is escalated to again before the new deadline.
        // The chase starts over: the next look is a reminder before the new deadline, not another escalation.
        Assert.True(after.NextChaseAt > host.Time.GetUtcNow(), $"next chase {after.NextChaseAt:O} is not after now {host.Time.GetUtcNow():O}");
        var sent = (await host.OutboxAsync()).Count;
        await host.StepAsync(id);
        Assert.True(host.Time.GetUtcNow() < after.ResolveDueAt);
        Assert.Equal(0, (await host.CaseAsync(id)).EscalationLevel);
        var next = Assert.Single((await host.OutboxAsync()).Skip(sent));
        Assert.Equal(Chat(Leader), next.Recipient);
        Assert.StartsWith("⏰", OutboxWriter.Read(next).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extend_without_a_written_reason_asks_again_and_keeps_the_deadline()
    {
        await using var host = await StartAsync();
        var id = await EscalateAsync(host);
        var before = await host.CaseAsync(id);
        var supervisor = new ResidentChat(host.Host, Id(Supervisor));
        await supervisor.PressAsync("Gia hạn");

        var again = await supervisor.PhotoAsync("no-caption");

        Assert.Contains(Texts.Get(Texts.Vietnamese, "Chase.Extend.ReasonRequired"), ResidentChat.Text(again), StringComparison.Ordinal);
        Assert.Equal(before.ResolveDueAt, (await host.CaseAsync(id)).ResolveDueAt);
        await supervisor.TextAsync("Mưa lớn kéo dài");
        Assert.True((await host.CaseAsync(id)).ResolveDueAt > before.ResolveDueAt);
    }

    [Fact]
    public async Task A_reason_typed_after_the_case_was_resolved_extends_nothing()
    {
        await using var host = await StartAsync();
        var id = await EscalateAsync(host);
        var supervisor = new ResidentChat(host.Host, Id(Supervisor));
        await supervisor.PressAsync("Gia hạn");
        await ResolveNowAsync(host, id);
        var snapshot = await SnapshotAsync(host, id, Id(Supervisor));

        var reply = await supervisor.TextAsync("Chờ vật tư");

        Assert.Contains(Texts.Get(Texts.Vietnamese, "Chase.Action.NotAllowed"), ResidentChat.Text(reply), StringComparison.Ordinal);
        Assert.Equal(snapshot, await SnapshotAsync(host, id, Id(Supervisor)));
        Assert.Empty(await EventsAsync(host, id, CaseEventKind.DeadlineExtended));
    }

    [Theory]
    [InlineData("HD.TPHD.PCT")] // another supervisor
    [InlineData(Leader)] // the accountable official
    [InlineData("resident")]
    public async Task A_press_on_the_supervisors_card_by_anyone_else_is_refused_and_nothing_changes(string presser)
    {
        await using var host = await StartAsync();
        var id = await EscalateAsync(host);
        var user = presser == "resident" ? ChaseHost.ResidentChat : Id(presser);
        var snapshot = await SnapshotAsync(host, id, user);

        // The card's own data (signed for the supervisor), then data properly signed for the presser.
        var forwarded = await new ResidentChat(host.Host, user).PressAsync("Đôn đốc", owner: Id(Supervisor));
        Assert.Equal("true", forwarded.Last().String("show_alert"), ignoreCase: true);
        foreach (var action in new[] { "s.urge", "s.reas", "s.ext" })
        {
            var answer = await PressSignedAsync(host, user, action, id.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("true", answer.String("show_alert"), ignoreCase: true);
            Assert.Equal(Texts.Get(Texts.Vietnamese, "Chase.Action.NotAllowed"), answer.String("text"));
        }

        var deputyId = await OfficialIdAsync(host, Deputy);
        var reassign = await PressSignedAsync(host, user, "s.to", string.Create(CultureInfo.InvariantCulture, $"{id}.{deputyId}"));
        Assert.Equal("true", reassign.String("show_alert"), ignoreCase: true);
        await new ResidentChat(host.Host, user).TextAsync("Lý do gia hạn giả");

        Assert.Equal(snapshot, await SnapshotAsync(host, id, user));
    }

    [Fact]
    public async Task The_supervisors_buttons_do_nothing_once_the_case_is_no_longer_open()
    {
        await using var host = await StartAsync();
        var id = await EscalateAsync(host);
        await ResolveNowAsync(host, id);

        var snapshot = await SnapshotAsync(host, id, Id(Supervisor));
        var supervisor = new ResidentChat(host.Host, Id(Supervisor));
        foreach (var label in new[] { "Đôn đốc", "Giao người khác", "Gia hạn" })
        {
            var answer = (await supervisor.PressAsync(label)).Last();
            Assert.Equal("true", answer.String("show_alert"), ignoreCase: true);
            Assert.Equal(Texts.Get(Texts.Vietnamese, "Chase.Action.NotAllowed"), answer.String("text"));
        }

        var deputyId = await OfficialIdAsync(host, Deputy);
        var reassign = await PressSignedAsync(host, Id(Supervisor), "s.to", string.Create(CultureInfo.InvariantCulture, $"{id}.{deputyId}"));
        Assert.Equal("true", reassign.String("show_alert"), ignoreCase: true);
        Assert.Equal(snapshot, await SnapshotAsync(host, id, Id(Supervisor)));
    }

    private static Task<ChaseHost> StartAsync() => ChaseHost.StartAsync(settings: ResidentChat.FastOutbox());

    /// <summary>Reports a case and lets the chase run to its first escalation (level 1: the city supervisor).</summary>
    private static async Task<long> EscalateAsync(ChaseHost host)
    {
        var id = await host.ReportAsync();
        while ((await host.CaseAsync(id)).EscalationLevel == 0)
        {
            await host.StepAsync(id);
        }

        Assert.Equal(1, (await host.CaseAsync(id)).EscalationLevel);
        return id;
    }

    /// <summary>Sends the case card to the accountable official, as routing does, and returns its delivered message id.</summary>
    private static async Task<string> SendCardAsync(ChaseHost host, long id, string official)
    {
        await ResidentChat.InScopeAsync(host.Host, async services =>
        {
            var @case = await services.GetRequiredService<ResidentBot.Persistence.ResidentBotDbContext>().Cases.SingleAsync(c => c.Id == id);
            await services.GetRequiredService<CaseCards>().SendAsync(@case, CancellationToken.None);
        });
        return await DeliveredCardAsync(host, id, official);
    }

    private static async Task<string> DeliveredCardAsync(ChaseHost host, long id, string official)
    {
        var tag = CaseTag.Card(id, await OfficialIdAsync(host, official));
        string? messageId = null;
        await OfficialsHarness.WaitUntilAsync(async () =>
        {
            messageId = (await host.OutboxAsync()).FirstOrDefault(m => m.Tag == tag && m.ExternalMessageId != null)?.ExternalMessageId;
            return messageId is not null;
        });
        return messageId!;
    }

    /// <summary>The last edit queued for the card with this message id.</summary>
    private static async Task<OutboundMessage> EditOfAsync(ChaseHost host, string chat, string cardMessageId) =>
        (await host.OutboxAsync()).Where(m => m.Recipient == chat).Select(OutboxWriter.Read).Last(m => m.EditMessageId == cardMessageId);

    private static async Task ResolveNowAsync(ChaseHost host, long id)
    {
        await using var db = host.Host.NewDbContext();
        var open = await db.Cases.SingleAsync(c => c.Id == id);
        open.Resolve(Actor.Official(open.AccountableOfficialId!.Value), "Đã thay bóng.", host.Time.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private static async Task<FakeBotApiCall> PressSignedAsync(ChaseHost host, long user, string action, string argument)
    {
        var codec = host.Host.Services.GetRequiredService<ButtonCodec>();
        var data = codec.Button("x", action, argument, user.ToString(CultureInfo.InvariantCulture)).Data;
        var before = host.Host.Api.CallsTo("answerCallbackQuery").Count;
        await new ResidentChat(host.Host, user).SendAsync(FakeUpdates.Callback(user, data, callbackId: $"cb-{Guid.NewGuid():N}"));
        return (await host.Host.Api.WaitForCallsAsync("answerCallbackQuery", before + 1))[before];
    }

    /// <summary>Everything a refused press must leave alone: the case, its log, and what officials and the resident were sent.</summary>
    private static async Task<string> SnapshotAsync(ChaseHost host, long id, long? presser = null)
    {
        await using var db = host.Host.NewDbContext();
        var @case = await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id);
        var officialChats = ChaseHost.Chats.Values.Append(ChaseHost.ResidentChat)
            .Where(c => c != presser).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToList();
        var messages = await db.OutboxMessages.AsNoTracking().CountAsync(m => officialChats.Contains(m.Recipient));
        return string.Join('|', @case.Status, @case.AccountableOfficialId, @case.ResolveDueAt?.UtcTicks, @case.AcknowledgeDueAt?.UtcTicks,
            @case.EscalationLevel, @case.Version, @case.Events.Count, messages);
    }

    private static async Task<List<CaseEvent>> EventsAsync(ChaseHost host, long id, CaseEventKind kind)
    {
        await using var db = host.Host.NewDbContext();
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id && e.Kind == kind).ToListAsync();
    }

    private static async Task<int> OfficialIdAsync(ChaseHost host, string code)
    {
        await using var db = host.Host.NewDbContext();
        return await db.Officials.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    /// <summary>The newest message queued to <paramref name="recipient"/> whose text contains <paramref name="fragment"/>.</summary>
    private static async Task<string> SentToAsync(ChaseHost host, string recipient, string fragment)
    {
        var texts = (await host.OutboxAsync()).Where(m => m.Recipient == recipient).Select(m => OutboxWriter.Read(m).Text ?? string.Empty);
        return texts.LastOrDefault(t => t.Contains(fragment, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"Nothing containing '{fragment}' was sent to {recipient}.");
    }

    private static string Local(DateTimeOffset instant) => TimeZoneInfo
        .ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"))
        .ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
