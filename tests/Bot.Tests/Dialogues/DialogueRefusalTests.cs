using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Tests.Dialogues;

/// <summary>Who may announce, for whom, and what bad input gets: a clear answer and nothing recorded.</summary>
public sealed class DialogueRefusalTests
{
    [Fact]
    public async Task A_resident_cannot_announce_and_an_administrator_announces_for_a_leader_who_is_told()
    {
        await using var host = await DialogueHost.StartAsync();
        await host.Chase.ReportAsync(residentChat: 5001);
        var resident = host.As(5001);
        var admin = host.As(DialogueHost.CitySupervisor);

        Assert.Equal(Texts.Get(Texts.Vietnamese, "Dialogue.Announce.NotAdmin"), ResidentChat.Text(await resident.CommandAsync("/doithoai HD.TPHD.TRANPHU.CT")));
        var list = await resident.CommandAsync("/doithoai");
        Assert.DoesNotContain(list, c => (c.String("reply_markup") ?? c.Json("reply_markup")?.ToJsonString() ?? "").Contains("dg.new", StringComparison.Ordinal));
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Dialogue.Announce.UnknownLeader", "HD.NOBODY"), ResidentChat.Text(await admin.CommandAsync("/doithoai HD.NOBODY")));

        await admin.CommandAsync("/doithoai HD.TPHD.TRANPHU.CT");
        await admin.TextAsync("Vệ sinh môi trường khu dân cư");
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Dialogue.Announce.WhenOutOfRange", "01/03/2026 08:00"), ResidentChat.Text(await admin.TextAsync("01/03/2026 08:00")));
        await admin.TextAsync("10/03/2026 14:00");
        await admin.TextAsync("https://meet.example.vn/tranphu");
        await admin.PressAsync("Thông báo");

        await using var db = host.Chase.Host.NewDbContext();
        var dialogue = await db.Set<Dialogue>().SingleAsync();
        var leaderId = await db.Officials.Where(o => o.Code == "HD.TPHD.TRANPHU.CT").Select(o => o.Id).SingleAsync();
        var adminId = await db.Officials.Where(o => o.Code == "HD.TPHD.UVBTV").Select(o => o.Id).SingleAsync();
        Assert.Equal((leaderId, adminId, 1), (dialogue.LeaderOfficialId, dialogue.AnnouncedByOfficialId, dialogue.InvitedCount));
        await host.Chase.Host.WaitUntilIdleAsync();
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Dialogue.Announce.ForYou", "Vệ sinh môi trường khu dân cư", "14:00 10/03/2026", "https://meet.example.vn/tranphu", 1),
            host.TextsTo(DialogueHost.Leader));
    }

    [Fact]
    public async Task A_district_leader_chooses_which_ward_to_invite_and_a_too_short_question_is_refused_and_not_recorded()
    {
        await using var host = await DialogueHost.StartAsync();
        await host.Chase.ReportAsync(residentChat: 5001);
        await host.Chase.ReportAsync(area: "HD.TPHD.QUANGTRUNG", residentChat: 5003);
        await ResidentChat.OnboardOfficialAsync(host.Chase.Host, "HD.TPHD.CT", 9100);
        var cityLeader = host.As(9100);

        await cityLeader.CommandAsync("/doithoai");
        await cityLeader.PressAsync("Thông báo buổi đối thoại mới");
        var scope = ResidentChat.Text(await cityLeader.TextAsync("Quy hoạch khu đô thị mới"));
        Assert.Equal(Texts.Format(Texts.Vietnamese, "Dialogue.Announce.AskScope", "Thành phố Hải Dương"), scope);
        await cityLeader.PressAsync("Phường Quang Trung");
        await cityLeader.TextAsync("12/03/2026 08:00");
        await cityLeader.TextAsync("Nhà văn hóa phường Quang Trung");
        await cityLeader.PressAsync("Thông báo");
        await host.Chase.Host.WaitUntilIdleAsync();
        Assert.Contains(host.TextsTo(5003), t => t.Contains("Quy hoạch khu đô thị mới", StringComparison.Ordinal));
        Assert.DoesNotContain(host.TextsTo(5001), t => t.Contains("Quy hoạch khu đô thị mới", StringComparison.Ordinal));

        var resident = host.As(5003);
        await resident.PressAsync("Gửi câu hỏi");
        await resident.PressAsync("Gửi Chủ tịch UBND thành phố Hải Dương");
        var refused = ResidentChat.Text(await resident.TextAsync("Bao giờ?"));

        Assert.Equal(Texts.Format(Texts.Vietnamese, "Dialogue.Ask.Length", DialogueQuestion.MinTextLength, DialogueQuestion.MaxTextLength, 8), refused);
        Assert.Empty(await host.QuestionsAsync());
    }
}
