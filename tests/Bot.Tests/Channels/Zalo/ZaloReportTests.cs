using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Fakes.Zalo;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Channels.Zalo;

/// <summary>A resident reports on the ward's OA, and the ward leader answers on the OA too, all through the fake Zalo.</summary>
public sealed class ZaloReportTests
{
    private const string Resident = "8001234567890";
    private const string Leader = "8009876543210";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 1, 2, 3, 4, 5];

    [Fact]
    public async Task A_resident_reports_on_the_oa_with_buttons_a_typed_ward_and_a_photo_and_the_leader_answers_there()
    {
        await using var zalo = await FakeZalo.StartAsync();
        await using var host = await ZaloTestHost.StartAsync(zalo);
        await host.BindOfficialAsync(ResidentChat.TranPhuLeader, Leader);
        await host.SendAsync(Leader, zalo.FollowEvent(Leader));

        var greeting = await host.SendAsync(Resident, zalo.FollowEvent(Resident));
        Assert.Contains("Xin chào", ZaloTestHost.Texts(greeting), StringComparison.Ordinal);

        var categories = await host.TextAsync(Resident, "/phananh");
        Assert.Contains(categories.SelectMany(m => m.Buttons), b => b.Title == "Chiếu sáng công cộng");
        Assert.All(categories, m => Assert.InRange(m.Buttons.Count, 0, 5));

        var where = await host.TapAsync(Resident, "Chiếu sáng");
        Assert.Contains("Sự việc ở đâu?", ZaloTestHost.Texts(where), StringComparison.Ordinal);

        var placed = await host.TextAsync(Resident, "Phường Trần Phú");
        if (placed.SelectMany(m => m.Buttons).Any(b => b.Title.Contains("Trần Phú", StringComparison.Ordinal)))
        {
            await host.TapAsync(Resident, "Trần Phú");
        }

        await host.TextAsync(Resident, ResidentScenarios.Description);
        var photoAdded = await host.SendAsync(Resident, zalo.ImageEvent(Resident, zalo.AddFile(Jpeg)));
        Assert.Contains(photoAdded.SelectMany(m => m.Buttons), b => b.Title == "✅ Xong");
        await host.TapAsync(Resident, "Xong");
        var receipt = await host.TapAsync(Resident, "Gửi");

        var receiptText = ZaloTestHost.Texts(receipt);
        Assert.Contains("Đã gửi phản ánh", receiptText, StringComparison.Ordinal);
        Assert.Contains("«Quan tâm»", receiptText, StringComparison.Ordinal);
        await using (var db = host.NewDbContext())
        {
            var reported = await db.Cases.Include(c => c.Attachments).SingleAsync();
            Assert.Equal(ResidentScenarios.Description, reported.Description);
            Assert.Single(reported.Attachments);
        }

        // The leader's card arrived on Zalo with the resident's photo, uploaded to Zalo and sent by attachment id.
        var toLeader = zalo.MessagesTo(Leader);
        var photo = Assert.Single(toLeader, m => m.AttachmentId is not null);
        Assert.Equal(Jpeg, zalo.Uploaded(photo.AttachmentId!));
        Assert.Contains(toLeader, m => m.Buttons.Any(b => b.Title == "💬 Trả lời"));

        var ask = await host.TapAsync(Leader, "Trả lời");
        Assert.Contains("Nhập nội dung trả lời", ZaloTestHost.Texts(ask), StringComparison.Ordinal);
        var before = zalo.MessagesTo(Resident).Count;
        await host.TextAsync(Leader, "Đội điện lực sẽ thay bóng đèn trong chiều nay.");

        var answer = ZaloTestHost.Texts(zalo.MessagesTo(Resident).Skip(before));
        Assert.Contains("Đội điện lực sẽ thay bóng đèn trong chiều nay.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_location_shared_on_zalo_places_the_report()
    {
        await using var zalo = await FakeZalo.StartAsync();
        await using var host = await ZaloTestHost.StartAsync(zalo);

        await host.TextAsync(Resident, "/phananh");
        await host.TapAsync(Resident, "Chiếu sáng");
        var description = await host.SendAsync(Resident, zalo.LocationEvent(Resident, ResidentChat.TranPhuLat, ResidentChat.TranPhuLon));
        Assert.Contains("Trần Phú", ZaloTestHost.Texts(description), StringComparison.Ordinal);
        await host.TextAsync(Resident, ResidentScenarios.Description);
        await host.TapAsync(Resident, "Bỏ qua");
        await host.TapAsync(Resident, "Gửi");

        await using var db = host.NewDbContext();
        var reported = await db.Cases.SingleAsync();
        Assert.Equal((ResidentChat.TranPhuLat, ResidentChat.TranPhuLon), (reported.Latitude!.Value, reported.Longitude!.Value));
    }

    [Fact]
    public async Task A_resident_outside_the_window_gets_the_waiting_update_on_their_next_message()
    {
        await using var zalo = await FakeZalo.StartAsync();
        await using var host = await ZaloTestHost.StartAsync(zalo);
        await host.BindOfficialAsync(ResidentChat.TranPhuLeader, Leader);
        await host.SendAsync(Leader, zalo.FollowEvent(Leader));
        await host.TextAsync(Resident, "/phananh");
        await host.TapAsync(Resident, "Chiếu sáng");
        await host.SendAsync(Resident, zalo.LocationEvent(Resident, ResidentChat.TranPhuLat, ResidentChat.TranPhuLon));
        await host.TextAsync(Resident, ResidentScenarios.Description);
        await host.TapAsync(Resident, "Bỏ qua");
        await host.TapAsync(Resident, "Gửi");
        string code;
        await using (var db = host.NewDbContext())
        {
            code = (await db.Cases.SingleAsync()).TrackingCode;
        }

        // Eight days later Zalo refuses consultation messages to the resident (-230): the leader's acknowledgement waits.
        zalo.LastInteractedAgo(Resident, TimeSpan.FromDays(8));
        var before = zalo.MessagesTo(Resident).Count;
        await host.TapAsync(Leader, "Tiếp nhận");
        var waiting = await host.WaitForAsync(
            (db, ct) => db.OutboxMessages.Where(m => m.Channel == ChannelNames.Zalo && m.Recipient == Resident && m.Status == OutboxStatus.Waiting).ToListAsync(ct),
            rows => rows.Count > 0);
        Assert.Contains(waiting, m => m.LastError != null && m.LastError.Contains("-230", StringComparison.Ordinal));
        Assert.Equal(before, zalo.MessagesTo(Resident).Count);

        // The resident writes again: the window opens, and what waited goes first, after one line saying how much.
        var back = ZaloTestHost.Texts(await host.TextAsync(Resident, "Cho tôi hỏi phản ánh của tôi"));
        var line = Texts.Format(Texts.Vietnamese, "Common.WaitingUpdates", 1);
        Assert.Contains(line, back, StringComparison.Ordinal);
        Assert.Contains(code, back[back.IndexOf(line, StringComparison.Ordinal)..], StringComparison.Ordinal);
        await using var after = host.NewDbContext();
        Assert.DoesNotContain(await after.OutboxMessages.Where(m => m.Recipient == Resident).ToListAsync(), m => m.Status == OutboxStatus.Waiting);
    }
}
