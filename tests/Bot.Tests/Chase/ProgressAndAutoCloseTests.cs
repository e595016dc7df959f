using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Chase;

public sealed class ProgressAndAutoCloseTests
{
    private const string LeaderTitle = "Chủ tịch UBND phường Trần Phú";
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly long Leader = ChaseHost.Chats["HD.TPHD.TRANPHU.CT"];
    private static readonly string ResidentChatId = ChaseHost.ResidentChat.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_overdue_case_gets_a_progress_request_a_week_after_its_resolve_deadline_and_not_before()
    {
        await using var host = await StartAsync();
        var id = await host.ReportAsync();
        await AcknowledgeAsync(host, id);
        var resolveDue = (await host.CaseAsync(id)).ResolveDueAt!.Value;

        host.Time.SetUtcNow(resolveDue + Week - TimeSpan.FromMinutes(1));
        await host.SweepAsync();
        Assert.Empty(await EventsAsync(host, id, CaseEventKind.ProgressRequested));

        await host.StepAsync(id);

        var requested = Assert.Single(await EventsAsync(host, id, CaseEventKind.ProgressRequested));
        Assert.Equal(resolveDue + Week, requested.At);
        var request = Assert.Single(await host.OutboxAsync(), m => m.Tag == $"progress:{id}");
        Assert.Equal(Leader.ToString(CultureInfo.InvariantCulture), request.Recipient);
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Chase.Progress.Request.Telegram", (await host.CaseAsync(id)).TrackingCode), OutboxWriter.Read(request).Text);
    }

    [Fact]
    public async Task The_officials_reply_to_the_progress_request_reaches_the_resident_and_is_logged()
    {
        await using var host = await StartAsync();
        var id = await host.ReportAsync();
        await AcknowledgeAsync(host, id);
        var code = (await host.CaseAsync(id)).TrackingCode;
        host.Time.SetUtcNow((await host.CaseAsync(id)).ResolveDueAt!.Value + Week);
        await host.SweepAsync();
        var requestMessageId = await DeliveredMessageIdAsync(host, $"progress:{id}");

        var official = new ResidentChat(host.Host, Leader);
        var thanks = await official.SendAsync(FakeUpdates.Update(0, "message", FakeUpdates.Message(Leader, 901, m =>
        {
            m["text"] = "Đã đặt mua bóng mới, thứ Sáu sẽ thay.";
            m["reply_to_message"] = FakeUpdates.Message(FakeBotApi.BotId, requestMessageId, r => r["text"] = "📋");
        })));

        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Progress.Thanks", code), ResidentChat.Text(thanks), StringComparison.Ordinal);
        var relayed = (await host.OutboxAsync()).Where(m => m.Recipient == ResidentChatId).Select(m => OutboxWriter.Read(m).Text).ToList();
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Progress.Relayed", code, LeaderTitle, "Đã đặt mua bóng mới, thứ Sáu sẽ thay."), relayed);
        var reported = Assert.Single(await EventsAsync(host, id, CaseEventKind.ProgressReported));
        Assert.Equal("Đã đặt mua bóng mới, thứ Sáu sẽ thay.", reported.Note);
        Assert.Equal(ActorKind.Official, reported.ActorKind);
        Assert.Equal((await host.CaseAsync(id)).AccountableOfficialId, reported.ActorId);
    }

    [Fact]
    public async Task Where_there_is_no_reply_the_official_presses_report_progress_and_writes_and_the_resident_gets_it()
    {
        await using var host = await StartAsync();
        var id = await host.ReportAsync();
        await AcknowledgeAsync(host, id);
        var code = (await host.CaseAsync(id)).TrackingCode;
        host.Time.SetUtcNow((await host.CaseAsync(id)).ResolveDueAt!.Value + Week);
        await host.SweepAsync();
        await DeliveredMessageIdAsync(host, $"progress:{id}");

        var official = new ResidentChat(host.Host, Leader);
        var ask = await official.PressAsync("Báo cáo tiến độ");
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Progress.Ask", code), ResidentChat.Text(ask), StringComparison.Ordinal);
        var thanks = await official.TextAsync("Đã đặt mua bóng mới, thứ Sáu sẽ thay.");

        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Progress.Thanks", code), ResidentChat.Text(thanks), StringComparison.Ordinal);
        var relayed = (await host.OutboxAsync()).Where(m => m.Recipient == ResidentChatId).Select(m => OutboxWriter.Read(m).Text).ToList();
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Progress.Relayed", code, LeaderTitle, "Đã đặt mua bóng mới, thứ Sáu sẽ thay."), relayed);
        Assert.Equal("Đã đặt mua bóng mới, thứ Sáu sẽ thay.", Assert.Single(await EventsAsync(host, id, CaseEventKind.ProgressReported)).Note);
    }

    [Fact]
    public async Task A_resolved_case_the_resident_never_answers_closes_itself_after_a_week_and_the_resident_is_told()
    {
        await using var host = await StartAsync();
        var id = await host.ReportAsync();
        var resolvedAt = await ResolveAsync(host, id);

        host.Time.SetUtcNow(resolvedAt + Week - TimeSpan.FromMinutes(1));
        await host.SweepAsync();
        Assert.Equal(CaseStatus.Resolved, (await host.CaseAsync(id)).Status);

        await host.StepAsync(id);

        var @case = await host.CaseAsync(id);
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(resolvedAt + Week, @case.ClosedAt);
        Assert.Null(@case.NextChaseAt);
        var closed = Assert.Single(await EventsAsync(host, id, CaseEventKind.Closed));
        Assert.Equal(ActorKind.System, closed.ActorKind);
        Assert.Contains("did not answer within 7 days", closed.Note, StringComparison.Ordinal);
        var told = (await host.OutboxAsync()).Where(m => m.Recipient == ResidentChatId).Select(m => OutboxWriter.Read(m).Text).ToList();
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Chase.Resident.AutoClosed", @case.TrackingCode, "7 ngày"), told);
    }

    [Fact]
    public async Task An_auto_close_delay_of_hours_is_told_in_hours()
    {
        await using var host = await ChaseHost.StartAsync(settings: new Dictionary<string, string?>(ResidentChat.FastOutbox())
        {
            ["Chase:AutoCloseAfter"] = "08:00:00",
        });
        var id = await host.ReportAsync();
        await ResolveAsync(host, id, delay: TimeSpan.FromHours(8));

        await host.StepAsync(id);

        var told = (await host.OutboxAsync()).Where(m => m.Recipient == ResidentChatId).Select(m => OutboxWriter.Read(m).Text).Last();
        Assert.Contains("sau 8 giờ chưa nhận được", told, StringComparison.Ordinal);
        Assert.Contains("did not answer within 8 hours", Assert.Single(await EventsAsync(host, id, CaseEventKind.Closed)).Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_the_resident_confirmed_in_time_is_not_closed_again_by_the_chase()
    {
        await using var host = await StartAsync();
        var id = await host.ReportAsync();
        var resolvedAt = await ResolveAsync(host, id, askResident: true);
        host.Time.SetUtcNow(resolvedAt + TimeSpan.FromDays(2));
        await new ResidentChat(host.Host, ChaseHost.ResidentChat).PressAsync("Đã khắc phục");
        Assert.Equal(CaseStatus.Closed, (await host.CaseAsync(id)).Status);

        host.Time.SetUtcNow(resolvedAt + Week + TimeSpan.FromHours(1));
        await host.SweepAsync();

        var closed = Assert.Single(await EventsAsync(host, id, CaseEventKind.Closed));
        Assert.Equal(ActorKind.Resident, closed.ActorKind);
        Assert.DoesNotContain(await ResidentTextsAsync(host), t => t.Contains("tự động đóng", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_the_resident_reopened_in_time_stays_open_after_the_auto_close_delay()
    {
        await using var host = await StartAsync();
        var id = await host.ReportAsync();
        var resolvedAt = await ResolveAsync(host, id, askResident: true);
        host.Time.SetUtcNow(resolvedAt + TimeSpan.FromDays(2));
        await new ResidentChat(host.Host, ChaseHost.ResidentChat).PressAsync("Chưa khắc phục");
        Assert.Equal(CaseStatus.Reopened, (await host.CaseAsync(id)).Status);

        host.Time.SetUtcNow(resolvedAt + Week + TimeSpan.FromHours(1));
        await host.SweepAsync();

        Assert.Equal(CaseStatus.Reopened, (await host.CaseAsync(id)).Status);
        Assert.Empty(await EventsAsync(host, id, CaseEventKind.Closed));
        Assert.DoesNotContain(await ResidentTextsAsync(host), t => t.Contains("tự động đóng", StringComparison.Ordinal));
    }

    private static Task<ChaseHost> StartAsync() => ChaseHost.StartAsync(settings: ResidentChat.FastOutbox());

    private static async Task AcknowledgeAsync(ChaseHost host, long id)
    {
        await using var db = host.Host.NewDbContext();
        var @case = await db.Cases.SingleAsync(c => c.Id == id);
        @case.Acknowledge(Actor.Official(@case.AccountableOfficialId!.Value), host.Time.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>The official resolves the case now; with <paramref name="askResident"/> the resident gets the confirm/reopen buttons.</summary>
    private static async Task<DateTimeOffset> ResolveAsync(ChaseHost host, long id, bool askResident = false, TimeSpan? delay = null)
    {
        var now = host.Time.GetUtcNow();
        await ResidentChat.InScopeAsync(host.Host, async services =>
        {
            var db = services.GetRequiredService<ResidentBotDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == id);
            @case.Resolve(Actor.Official(@case.AccountableOfficialId!.Value), "Đã thay bóng đèn", now);
            if (askResident)
            {
                await services.GetRequiredService<ResidentNotifier>().AskToConfirmAsync(@case, CancellationToken.None);
            }
        });
        Assert.Equal(now + (delay ?? Week), (await host.CaseAsync(id)).NextChaseAt);
        return now;
    }

    private static async Task<int> DeliveredMessageIdAsync(ChaseHost host, string tag)
    {
        string? external = null;
        await OfficialsHarness.WaitUntilAsync(async () =>
        {
            await using var db = host.Host.NewDbContext();
            external = await db.OutboxMessages.AsNoTracking().Where(m => m.Tag == tag && m.ExternalMessageId != null)
                .Select(m => m.ExternalMessageId).FirstOrDefaultAsync();
            return external is not null;
        });
        return int.Parse(external!, CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ResidentTextsAsync(ChaseHost host) =>
        [.. (await host.OutboxAsync()).Where(m => m.Recipient == ResidentChatId).Select(m => OutboxWriter.Read(m).Text ?? string.Empty)];

    private static async Task<List<CaseEvent>> EventsAsync(ChaseHost host, long id, CaseEventKind kind)
    {
        await using var db = host.Host.NewDbContext();
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id && e.Kind == kind).ToListAsync();
    }
}
