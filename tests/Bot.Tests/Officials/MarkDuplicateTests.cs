using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Chase;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Chase.CaseTestSteps;

namespace ResidentBot.Bot.Tests.Officials;

public sealed class MarkDuplicateTests
{
    private const long DuplicateResident = 5002;

    [Fact]
    public async Task An_official_marks_a_case_a_duplicate_by_code_its_resident_follows_the_other_and_its_chase_ends()
    {
        await using var host = await ChaseHost.StartAsync(settings: ResidentChat.FastOutbox());
        var originalId = await host.ReportAsync();
        var duplicateId = await host.ReportAsync(residentChat: DuplicateResident);
        await SendCardAsync(host, duplicateId);
        var (original, duplicate) = (await host.CaseAsync(originalId), await host.CaseAsync(duplicateId));
        var leader = LeaderChat(host);

        var ask = ResidentChat.Text(await leader.PressAsync("Trùng phản ánh khác"));
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Official.Duplicate.Ask", duplicate.TrackingCode), ask, StringComparison.Ordinal);
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Official.Duplicate.NotFound", "HD-2026-999999"), ResidentChat.Text(await leader.TextAsync("HD-2026-999999")));
        Assert.Equal(Texts.Get(Texts.Vietnamese, "Official.Duplicate.Self"), ResidentChat.Text(await leader.TextAsync(duplicate.TrackingCode)));
        Assert.Equal(duplicate.Version, (await host.CaseAsync(duplicateId)).Version);

        var done = ResidentChat.Text(await leader.TextAsync(original.TrackingCode.ToLowerInvariant()));

        Assert.Contains(Texts.Format(Texts.Vietnamese, "Official.Duplicate.Done", duplicate.TrackingCode, original.TrackingCode, 1), done, StringComparison.Ordinal);
        var closed = await CaseWithEventsAsync(host, duplicateId);
        Assert.Equal((CaseStatus.Closed, (long?)originalId, (DateTimeOffset?)null), (closed.Status, closed.DuplicateOfId, closed.NextChaseAt));
        Assert.Equal(CaseEventKind.MarkedDuplicate, closed.Events[^1].Kind);
        Assert.Equal(closed.ResidentId, Assert.Single((await CaseWithEventsAsync(host, originalId)).Followers).ResidentId);
        Assert.Contains(await SentToAsync(host, Chat(DuplicateResident)),
            m => m.Text == Texts.Format(Texts.Vietnamese, "Resident.Duplicate.Marked", duplicate.TrackingCode, original.TrackingCode));
        var card = (await SentToAsync(host, Chat(ChaseHost.Chats[Leader]))).Last(m => m.EditMessageId != null);
        Assert.Contains($"Trùng với phản ánh {original.TrackingCode}", card.Text, StringComparison.Ordinal);
        Assert.Empty(card.Buttons);

        // The original goes on being chased; its follower hears the escalation, and the digest counts the follower.
        while ((await host.CaseAsync(originalId)).EscalationLevel == 0)
        {
            await host.StepAsync(originalId);
        }

        Assert.Contains(await SentToAsync(host, Chat(DuplicateResident)),
            m => m.Text == Texts.Format(Texts.Vietnamese, "Chase.Resident.Escalated", original.TrackingCode, "Ủy viên Ban Thường vụ Thành ủy phụ trách địa bàn"));
        Assert.DoesNotContain(await SentToAsync(host, Chat(DuplicateResident)), m => m.Text.Contains(duplicate.TrackingCode, StringComparison.Ordinal)
            && m.Text.Contains("quá hạn", StringComparison.Ordinal));
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EscalationDigestJob>().RunAsync(CancellationToken.None);
        }

        var digest = (await SentToAsync(host, Chat(ChaseHost.Chats["HD.TPHD.UVBTV"]))).Last(m => m.Text.StartsWith("📊", StringComparison.Ordinal));
        Assert.Contains($"{original.TrackingCode} — trễ", digest.Text, StringComparison.Ordinal);
        Assert.Contains("👥 1 người theo dõi", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(duplicate.TrackingCode, digest.Text, StringComparison.Ordinal);
    }
}
