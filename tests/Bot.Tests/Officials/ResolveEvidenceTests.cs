using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Chase;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Chase.CaseTestSteps;

namespace ResidentBot.Bot.Tests.Officials;

public sealed class ResolveEvidenceTests
{
    [Fact]
    public async Task A_category_requiring_a_photo_refuses_a_resolve_without_one_then_resolves_with_it_and_the_resident_sees_note_and_photo()
    {
        await using var host = await ChaseHost.StartAsync(settings: ResidentChat.FastOutbox());
        var id = await host.ReportAsync(category: "waste");
        await SendCardAsync(host, id);
        var before = await CaseWithEventsAsync(host, id);
        var leader = LeaderChat(host);

        var ask = ResidentChat.Text(await leader.PressAsync("Đã xử lý"));
        Assert.Contains("📷 Loại phản ánh này cần ảnh chụp kết quả", ask, StringComparison.Ordinal);
        var refused = ResidentChat.Text(await leader.TextAsync("Đã thu gom toàn bộ rác tại đầu ngõ."));

        Assert.Equal(Texts.Format(Texts.Vietnamese, "Official.Resolve.MissingPhoto", before.TrackingCode, "Rác thải, vệ sinh môi trường"), refused);
        var untouched = await CaseWithEventsAsync(host, id);
        Assert.Equal((before.Status, before.Version, before.Events.Count), (untouched.Status, untouched.Version, untouched.Events.Count));
        Assert.DoesNotContain(await SentToAsync(host, Chat(ChaseHost.ResidentChat)), m => m.Text.Contains("đã được xử lý", StringComparison.Ordinal));

        var done = await leader.PhotoAsync("after-cleanup");

        Assert.Contains(Texts.Format(Texts.Vietnamese, "Official.Resolve.Done", before.TrackingCode), ResidentChat.Text(done), StringComparison.Ordinal);
        var resolved = await CaseWithEventsAsync(host, id);
        Assert.Equal((CaseStatus.Resolved, "Đã thu gom toàn bộ rác tại đầu ngõ."), (resolved.Status, resolved.ResolutionNote));
        var stored = Assert.Single(resolved.Attachments, a => a.AddedBy == ActorKind.Official).FileRef;
        Assert.StartsWith(IAttachmentStore.RefPrefix, stored, StringComparison.Ordinal); // fetched and stored once, whatever the channel
        var toResident = await SentToAsync(host, Chat(ChaseHost.ResidentChat));
        var photo = toResident[^2];
        Assert.Equal((stored, Texts.Format(Texts.Vietnamese, "Resident.ResultPhoto", before.TrackingCode)), (photo.PhotoRef, photo.Text));
        Assert.Contains("Đã thu gom toàn bộ rác tại đầu ngõ.", toResident[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, toResident[^1].Buttons.SelectMany(r => r).Count()); // yes / no
    }

    [Fact]
    public async Task A_category_without_a_requirement_still_resolves_with_a_note_alone()
    {
        await using var host = await ChaseHost.StartAsync(settings: ResidentChat.FastOutbox());
        var id = await host.ReportAsync(category: "lighting");
        await SendCardAsync(host, id);
        var leader = LeaderChat(host);

        Assert.DoesNotContain("📷", ResidentChat.Text(await leader.PressAsync("Đã xử lý")), StringComparison.Ordinal);
        await leader.TextAsync("Đã thay bóng.");

        Assert.Equal(CaseStatus.Resolved, (await host.CaseAsync(id)).Status);
    }
}
