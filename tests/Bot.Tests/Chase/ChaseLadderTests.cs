using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Cases;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.Chase;

public class ChaseLadderTests
{
    private static string Chat(string code) => ChaseHost.Chats[code].ToString(CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Unanswered_case_is_reminded_then_climbs_the_chain_to_the_top_and_stays_chased()
    {
        await using var host = await ChaseHost.StartAsync();
        var id = await host.ReportAsync();
        var code = (await host.CaseAsync(id)).TrackingCode;

        for (var i = 0; i < 7; i++)
        {
            await host.StepAsync(id);
        }

        var sent = (await host.OutboxAsync()).Select(m => (m.Recipient, Text: OutboxWriter.Read(m).Text)).ToList();
        var leader = Chat("HD.TPHD.TRANPHU.CT");
        Assert.Equal([leader, leader, Chat("HD.TPHD.UVBTV"), "5001"], sent.Take(4).Select(s => s.Recipient));
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Chase.Reminder.Acknowledge", code, "08:30 03/03/2026", 50), sent[0].Text);
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Chase.Reminder.Acknowledge", code, "08:30 03/03/2026", 90), sent[1].Text);
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Chase.Resident.Escalated", code, "Ủy viên Ban Thường vụ Thành ủy phụ trách địa bàn"), sent[3].Text);
        var cards = sent.Where(s => s.Text.StartsWith("⚠️", StringComparison.Ordinal)).ToList();
        Assert.Equal([Chat("HD.TPHD.UVBTV"), Chat("HD.TPHD.PCT"), Chat("HD.PCT1"), Chat("HD.PCT1")], cards.Select(c => c.Recipient));
        Assert.Equal(["1", "2", "3", "3"], cards.Select(c => c.Text.Split(':')[0][^1..]));
        Assert.Equal(4, sent.Count(s => s.Recipient == "5001"));
        Assert.Single(sent, s => s.Recipient == leader && s.Text.Contains("giải quyết trước", StringComparison.Ordinal));

        var @case = await host.CaseAsync(id);
        Assert.Equal(3, @case.EscalationLevel);
        Assert.NotNull(@case.NextChaseAt);
    }

    [SkippableFact]
    public async Task A_case_twelve_minutes_late_is_escalated_as_twelve_minutes_late_and_the_digest_agrees()
    {
        await using var host = await ChaseHost.StartAsync();
        var id = await host.ReportAsync();
        var @case = await host.CaseAsync(id);
        host.Time.SetUtcNow(@case.AcknowledgeDueAt!.Value + TimeSpan.FromMinutes(12));

        await host.SweepAsync();
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EscalationDigestJob>().RunAsync(CancellationToken.None);
        }

        var sent = (await host.OutboxAsync()).Where(m => m.Recipient == Chat("HD.TPHD.UVBTV")).Select(m => OutboxWriter.Read(m).Text).ToList();
        Assert.Contains(sent, t => t.StartsWith("⚠️", StringComparison.Ordinal) && t.Contains("đã quá hạn 12 phút.", StringComparison.Ordinal));
        Assert.Contains(sent, t => t.StartsWith("📊", StringComparison.Ordinal) && t.Contains("trễ 12 phút", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, t => t.Contains("0 ngày", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Acknowledged_case_escalates_only_at_the_resolve_deadline()
    {
        await using var host = await ChaseHost.StartAsync();
        var id = await host.ReportAsync();
        await using (var db = host.Host.NewDbContext())
        {
            var @case = db.Cases.Single(c => c.Id == id);
            @case.Acknowledge(Actor.Official(@case.AccountableOfficialId!.Value), host.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var resolveDue = (await host.CaseAsync(id)).ResolveDueAt!.Value;
        while ((await host.CaseAsync(id)).EscalationLevel == 0)
        {
            await host.StepAsync(id);
        }

        Assert.Equal(resolveDue, host.Time.GetUtcNow());
        var texts = (await host.OutboxAsync()).Select(m => OutboxWriter.Read(m).Text).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("tiếp nhận trước", StringComparison.Ordinal));
        Assert.Equal(2, texts.Count(t => t.Contains("giải quyết trước", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Deadline_extension_resets_the_chase_and_reassignment_moves_it_to_the_new_official()
    {
        await using var host = await ChaseHost.StartAsync();
        var id = await host.ReportAsync();
        for (var i = 0; i < 3; i++)
        {
            await host.StepAsync(id);
        }

        Assert.Equal(1, (await host.CaseAsync(id)).EscalationLevel);
        await using (var db = host.Host.NewDbContext())
        {
            var @case = db.Cases.Single(c => c.Id == id);
            var deputy = db.Officials.Single(o => o.Code == "HD.TPHD.TRANPHU.PCT");
            var now = host.Time.GetUtcNow();
            @case.Reassign(Actor.Official(deputy.Id), "test", new Assignment(deputy.Id, "test", now.AddHours(2), now.AddDays(2)), now);
            await db.SaveChangesAsync();
        }

        var moved = await host.CaseAsync(id);
        Assert.Equal(0, moved.EscalationLevel);
        Assert.True(moved.NextChaseAt > host.Time.GetUtcNow());
        await host.StepAsync(id);
        var last = (await host.OutboxAsync())[^1];
        Assert.Equal(Chat("HD.TPHD.TRANPHU.PCT"), last.Recipient);
        Assert.StartsWith("⏰", OutboxWriter.Read(last).Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_holiday_in_the_middle_moves_every_reminder_and_escalation()
    {
        await using var plain = await ChaseHost.StartAsync();
        var first = await plain.CaseAsync(await plain.ReportAsync());
        await using var holiday = await ChaseHost.StartAsync();
        await using (var db = holiday.Host.NewDbContext())
        {
            db.Holidays.Add(new ResidentBot.Routing.Calendar.Holiday { Date = new DateOnly(2026, 3, 3), Name = "Test holiday" });
            await db.SaveChangesAsync();
        }

        holiday.Host.Services.GetService(typeof(ResidentBot.Persistence.DirectoryImport.DirectorySnapshotLoader))
            .As<ResidentBot.Persistence.DirectoryImport.DirectorySnapshotLoader>().Invalidate();
        var second = await holiday.CaseAsync(await holiday.ReportAsync());

        Assert.Equal(first.AcknowledgeDueAt!.Value.AddDays(1), second.AcknowledgeDueAt);
        Assert.Equal(first.NextChaseAt, second.NextChaseAt); // the 50% reminder falls on Monday in both
        await holiday.StepAsync(second.Id);
        await holiday.StepAsync(second.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 0, 42, 0, TimeSpan.Zero), holiday.Time.GetUtcNow()); // 90%: Wednesday 07:42
    }
}

internal static class ObjectExtensions
{
    public static T As<T>(this object? value) => (T)value!;
}

/// <summary>The same tests on PostgreSQL (reported skipped, with the reason, where no server is available).</summary>
public sealed class ChaseLadderTestsOnPostgreSql : ChaseLadderTests, IDisposable
{
    private readonly IDisposable provider = TestDatabases.Use(TestDatabases.PostgreSql);

    public void Dispose() => provider.Dispose();
}
