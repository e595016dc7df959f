using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Residents;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Conversations.Report;

public sealed class ReportEditingTests
{
    private const long Lan = 7101;
    private const long LeaderChat = 9101;
    private const string NewDescription = "Cột đèn số 7 ngõ 5 bị nghiêng, bóng không sáng";

    [Fact]
    public async Task Editing_the_description_from_the_summary_changes_only_that_part_and_returns_to_the_summary()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await ToSummaryAsync(chat);

        var parts = await chat.PressAsync("Sửa");
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.EditWhat"), ResidentChat.Text(parts), StringComparison.Ordinal);
        var ask = await chat.PressAsync("📝 Mô tả");
        Assert.Contains("Hãy mô tả sự việc", ResidentChat.Text(ask), StringComparison.Ordinal);
        var summary = ResidentChat.Text(await chat.TextAsync(NewDescription));

        Assert.Contains("Kiểm tra lại phản ánh", summary, StringComparison.Ordinal);
        Assert.Contains($"📝 Mô tả: {NewDescription}", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(ResidentScenarios.Description, summary, StringComparison.Ordinal);
        Assert.Contains("🏷 Loại: Chiếu sáng", summary, StringComparison.Ordinal);
        Assert.Contains("📍 Nơi: Phường Trần Phú", summary, StringComparison.Ordinal);
        await chat.PressAsync("Gửi");
        await using var db = host.NewDbContext();
        var @case = await db.Cases.Include(c => c.Area).SingleAsync();
        Assert.Equal(NewDescription, @case.Description);
        Assert.Equal("HD.TPHD.TRANPHU", @case.Area!.Code);
        Assert.Equal(ResidentChat.TranPhuLat, @case.Latitude);
    }

    [Fact]
    public async Task Editing_the_category_from_the_summary_keeps_the_place_and_description()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await ToSummaryAsync(chat);

        await chat.PressAsync("Sửa");
        var categories = await chat.PressAsync("🏷 Loại vấn đề");
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.AskCategory"), ResidentChat.Text(categories), StringComparison.Ordinal);
        var summary = ResidentChat.Text(await chat.PressAsync("Rác thải"));

        Assert.Contains("🏷 Loại: Rác thải", summary, StringComparison.Ordinal);
        Assert.Contains($"📝 Mô tả: {ResidentScenarios.Description}", summary, StringComparison.Ordinal);
        Assert.Contains("📍 Nơi: Phường Trần Phú", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_report_shows_the_official_neither_the_residents_name_nor_contact()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        await ResidentChat.OnboardOfficialAsync(host, ResidentChat.TranPhuLeader, LeaderChat);
        var chat = new ResidentChat(host, Lan);
        await ToSummaryAsync(chat);
        string name;
        await using (var db = host.NewDbContext())
        {
            var resident = await db.Residents.SingleAsync(r => r.Identities.Any(i => i.ExternalId == "7101"));
            resident.Phone = "0912345678";
            name = resident.DisplayName!;
            await db.SaveChangesAsync();
        }

        Assert.False(string.IsNullOrWhiteSpace(name));
        var toggled = ResidentChat.Text(await chat.PressAsync("ẩn danh"));
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.AnonymousOn"), toggled, StringComparison.Ordinal);
        var sent = await chat.PressAsync("Gửi");

        var card = sent.Single(c => c.Method == "sendMessage" && c.Long("chat_id") == LeaderChat).String("text")!;
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Official.Card.Anonymous"), card, StringComparison.Ordinal);
        Assert.DoesNotContain(name, card, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", card, StringComparison.Ordinal);
        await using var check = host.NewDbContext();
        Assert.True((await check.Cases.SingleAsync()).AnonymousToOfficials);
    }

    [Fact]
    public async Task Without_the_anonymous_switch_the_official_sees_the_residents_name_and_phone()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        await ResidentChat.OnboardOfficialAsync(host, ResidentChat.TranPhuLeader, LeaderChat);
        var chat = new ResidentChat(host, Lan);
        await ToSummaryAsync(chat);
        string name;
        await using (var db = host.NewDbContext())
        {
            var resident = await db.Residents.SingleAsync(r => r.Identities.Any(i => i.ExternalId == "7101"));
            resident.Phone = "0912345678";
            name = resident.DisplayName!;
            await db.SaveChangesAsync();
        }

        var sent = await chat.PressAsync("Gửi");

        var card = sent.Single(c => c.Method == "sendMessage" && c.Long("chat_id") == LeaderChat).String("text")!;
        Assert.Contains($"{name} · 0912345678", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_description_over_the_limit_gets_a_clear_hint_and_the_draft_is_unchanged()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        var before = await DraftAsync(host);
        var tooLong = new string('x', Case.MaxDescriptionLength - 20) + " đèn đường hỏng ở đây";
        Assert.True(tooLong.Length > Case.MaxDescriptionLength);

        var reply = await chat.TextAsync(tooLong);

        Assert.Contains(Texts.Format(Texts.Vietnamese, "Resident.Report.DescriptionTooLong", tooLong.Length, Case.MaxDescriptionLength),
            ResidentChat.Text(reply), StringComparison.Ordinal);
        Assert.Equal(before, await DraftAsync(host));
        var accepted = await chat.TextAsync(tooLong[..Case.MaxDescriptionLength]);
        Assert.Contains("Bước 4/4", ResidentChat.Text(accepted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_eleventh_photo_is_refused_with_a_clear_message_and_ten_are_kept()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(ResidentScenarios.Description);
        for (var i = 1; i <= PhotoPolicy.MaxPerReport; i++)
        {
            var added = await chat.PhotoAsync($"p{i}");
            Assert.Contains(Texts.Format(Texts.Vietnamese, "Resident.Report.PhotoAdded", i), ResidentChat.Text(added), StringComparison.Ordinal);
        }

        var refused = await chat.PhotoAsync("p11");

        Assert.Contains(Texts.Format(Texts.Vietnamese, "Resident.Report.TooManyPhotos", 10), ResidentChat.Text(refused), StringComparison.Ordinal);
        var draft = await DraftAsync(host);
        await using (var db = host.NewDbContext())
        {
            var tenth = await db.StoredAttachments.SingleAsync(a => a.SourceRef == "p10-large");
            var eleventh = await db.StoredAttachments.SingleAsync(a => a.SourceRef == "p11-large");
            Assert.Contains($"attachment:{tenth.Id}\"", draft, StringComparison.Ordinal);
            Assert.DoesNotContain($"attachment:{eleventh.Id}\"", draft, StringComparison.Ordinal);
        }

        var summary = ResidentChat.Text(await chat.PressAsync("Xong"));
        Assert.Contains("📷 Ảnh: 10", summary, StringComparison.Ordinal);
    }

    private static async Task ToSummaryAsync(ResidentChat chat)
    {
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(ResidentScenarios.Description);
        var summary = await chat.PressAsync("Bỏ qua");
        Assert.Contains("Kiểm tra lại phản ánh", ResidentChat.Text(summary), StringComparison.Ordinal);
    }

    private static async Task<string> DraftAsync(BotTestHost host)
    {
        await using var db = host.NewDbContext();
        var state = await db.ConversationStates.AsNoTracking().SingleAsync();
        return $"{state.Flow}|{state.Step}|{state.Data}";
    }
}
