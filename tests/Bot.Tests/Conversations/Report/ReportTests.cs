using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.Conversations.Report;

public class ReportTests
{
    private const long Lan = 7001;
    private const long LeaderChat = 9001;
    private static readonly TimeZoneInfo Local = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [SkippableFact]
    public async Task A_resident_reports_by_location_and_the_ward_leader_gets_the_case_with_deadlines()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        await ResidentChat.OnboardOfficialAsync(host, ResidentChat.TranPhuLeader, LeaderChat);
        var chat = new ResidentChat(host, Lan);

        var categories = await chat.CommandAsync("/phananh");
        Assert.Contains("Bước 1/4", ResidentChat.Text(categories), StringComparison.Ordinal);
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(ResidentScenarios.Description);
        await chat.PhotoAsync("lamp");
        var summary = await chat.PressAsync("Xong");
        Assert.Contains("Chủ tịch UBND phường Trần Phú", ResidentChat.Text(summary), StringComparison.Ordinal);
        var done = await chat.PressAsync("Gửi");

        await using var db = host.NewDbContext();
        var @case = await db.Cases.Include(c => c.AccountableOfficial).Include(c => c.Attachments).SingleAsync();
        var year = TimeZoneInfo.ConvertTime(@case.CreatedAt, Local).Year;
        Assert.Equal($"HD-{year}-000001", @case.TrackingCode);
        Assert.Equal(CaseStatus.Assigned, @case.Status);
        Assert.Equal(ResidentChat.TranPhuLeader, @case.AccountableOfficial!.Code);
        Assert.True(@case.AcknowledgeDueAt > @case.CreatedAt);
        Assert.True(@case.ResolveDueAt > @case.AcknowledgeDueAt);
        Assert.Equal(ResidentChat.TranPhuLat, @case.Latitude);
        var stored = await db.StoredAttachments.SingleAsync(a => a.SourceRef == "lamp-large");
        Assert.Equal("attachment:" + stored.Id, Assert.Single(@case.Attachments).FileRef);

        var toResident = done.Single(c => c.Long("chat_id") == Lan && c.Method == "sendMessage");
        var text = toResident.String("text")!;
        Assert.StartsWith($"✅ Đã gửi phản ánh {@case.TrackingCode}.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tiếp nhận phản ánh", text, StringComparison.Ordinal); // the official's acknowledgement comes later
        Assert.Contains("Chủ tịch UBND phường Trần Phú", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đặng Văn Khải", text, StringComparison.Ordinal);
        Assert.Contains(LocalText(@case.ResolveDueAt!.Value), text, StringComparison.Ordinal);
        Assert.Contains(LocalText(@case.AcknowledgeDueAt!.Value), text, StringComparison.Ordinal);
        Assert.Contains(done, c => c.Long("chat_id") == LeaderChat && c.String("text")!.Contains(@case.TrackingCode, StringComparison.Ordinal));

        // The summary it was sent from keeps its text and loses "Gửi / Sửa / Hủy", which no longer apply.
        var closed = Assert.Single(done, c => c.Method == "editMessageText" && c.Long("chat_id") == Lan);
        Assert.Equal(ResidentChat.Text(summary), closed.String("text"));
        Assert.Null(closed.Json("reply_markup")?["inline_keyboard"]);
    }

    [SkippableFact]
    public async Task A_resident_reports_by_typing_the_ward_name()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);

        await chat.CommandAsync("/report");
        await chat.PressAsync("Rác thải");
        var asked = await chat.TextAsync("ngõ 5 phố Trần Hưng Đạo, phường Trần Phú");
        Assert.Contains("Phường Trần Phú", ResidentChat.Text(asked), StringComparison.Ordinal);
        await chat.TextAsync("Rác để ở đầu ngõ cả tuần chưa thu gom");
        await chat.PressAsync("Bỏ qua");
        await chat.PressAsync("Gửi");

        await using var db = host.NewDbContext();
        var @case = await db.Cases.Include(c => c.AccountableOfficial).Include(c => c.Category).SingleAsync();
        Assert.Equal("waste", @case.Category!.Code);
        Assert.Equal(ResidentChat.TranPhuLeader, @case.AccountableOfficial!.Code);
        Assert.Equal("ngõ 5 phố Trần Hưng Đạo, phường Trần Phú", @case.AddressText);
        Assert.Null(await db.ConversationStates.Select(c => c.Flow).SingleAsync());
    }

    [SkippableFact]
    public async Task An_unknown_place_gets_a_hint_and_an_ambiguous_one_offers_choices()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Tiếng ồn");

        var unknown = await chat.TextAsync("Hà Nội");
        Assert.Contains("Chưa tìm thấy", ResidentChat.Text(unknown), StringComparison.Ordinal);
        var outside = await chat.LocationAsync(10.77, 106.70);
        Assert.Contains("ngoài địa bàn", ResidentChat.Text(outside), StringComparison.Ordinal);

        // Two wards named in one text: the engine never guesses, the resident picks.
        var choices = await chat.TextAsync("giữa Trần Phú và Quang Trung");
        Assert.Contains("Có nhiều nơi", ResidentChat.Text(choices), StringComparison.Ordinal);
        var picked = await chat.PressAsync("Phường Quang Trung");
        Assert.Contains("Phường Quang Trung", ResidentChat.Text(picked), StringComparison.Ordinal);
        Assert.Contains("Bước 3/4", ResidentChat.Text(picked), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_too_short_description_is_refused_with_a_clear_hint()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);

        var reply = await chat.TextAsync("hỏng");

        Assert.Contains("ít nhất 10 ký tự", ResidentChat.Text(reply), StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.Equal("description", await db.ConversationStates.Select(c => c.Step).SingleAsync());
    }

    [SkippableFact]
    public async Task A_photo_over_the_size_limit_is_refused_and_not_kept()
    {
        var settings = ResidentChat.FastOutbox();
        settings["Telegram:MaxPhotoBytes"] = "50000";
        await using var host = await BotTestHost.StartAsync(settings);
        var chat = new ResidentChat(host, Lan);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(ResidentScenarios.Description);

        var reply = await chat.PhotoAsync("huge");

        Assert.Contains("quá lớn", ResidentChat.Text(reply), StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.DoesNotContain("huge", await db.ConversationStates.Select(c => c.Data).SingleAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Cancel_in_the_middle_leaves_the_flow_and_creates_nothing()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");

        var reply = await chat.CommandAsync("/cancel");
        var late = await chat.PressAsync("Tiếng ồn");

        Assert.Contains("Đã hủy", ResidentChat.Text(reply), StringComparison.Ordinal);
        Assert.Equal("true", late.Last().String("show_alert"), ignoreCase: true);
        await using var db = host.NewDbContext();
        Assert.Null(await db.ConversationStates.Select(c => c.Flow).SingleAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    private static string LocalText(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Local).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>The same tests on PostgreSQL (reported skipped, with the reason, where no server is available).</summary>
public sealed class ReportTestsOnPostgreSql : ReportTests, IDisposable
{
    private readonly IDisposable provider = TestDatabases.Use(TestDatabases.PostgreSql);

    public void Dispose() => provider.Dispose();
}
