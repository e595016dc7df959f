using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.Officials;

public sealed class CaseCardTests
{
    [Fact]
    public async Task The_card_shows_what_the_official_needs_and_the_actions_signed_for_them()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync(photos: ["res-photo-1"]);

        var (_, card) = await bed.CardAsync(id, TranPhuLeader);

        var text = card.String("text")!;
        Assert.Contains(await bed.CodeAsync(id), text, StringComparison.Ordinal);
        Assert.Contains("Chiếu sáng công cộng", text, StringComparison.Ordinal);
        Assert.Contains("Phường Trần Phú", text, StringComparison.Ordinal);
        Assert.Contains("Ngõ 12 Trần Phú", text, StringComparison.Ordinal);
        Assert.Contains("https://maps.google.com/?q=20.96,106.3", text, StringComparison.Ordinal);
        Assert.Contains("Đèn đường hỏng", text, StringComparison.Ordinal);
        Assert.Contains("Ảnh: 1", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Lan · 0912345678", text, StringComparison.Ordinal);
        Assert.Contains("Chủ tịch UBND phường Trần Phú", text, StringComparison.Ordinal);
        Assert.Equal(["o.ack", "o.rpl", "o.res", "o.ask", "o.trf", "o.rej", "o.dup"], Buttons(card).Select(b => b.Data.Split(':')[0]));
        var photo = (await bed.Api.WaitForCallsAsync("sendPhoto", 1))[0];
        Assert.Equal(TranPhuLeader, photo.Long("chat_id"));
        Assert.Equal("res-photo-1", photo.String("photo"));
    }

    [Fact]
    public async Task The_card_says_in_vietnamese_why_the_official_got_the_case_without_an_english_word()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();

        var text = (await bed.CardAsync(id, TranPhuLeader)).Call.String("text")!;

        Assert.Contains("Vì sao giao cho đồng chí: Đồng chí là người đứng đầu Phường Trần Phú, nơi xảy ra sự việc.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("accountable", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Acknowledge by", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_saved_before_reasons_were_stored_shows_the_explanation_it_was_saved_with()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        await bed.CardAsync(id, TranPhuLeader);
        await using (var db = bed.Host.NewDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Cases SET RoutingReason = NULL, RoutingExplanation = {"Lãnh đạo phường Trần Phú chịu trách nhiệm"} WHERE Id = {id}");
        }

        using (var scope = bed.Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResidentBot.Persistence.ResidentBotDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == id);
            Assert.Null(@case.RoutingReasons);
            await scope.ServiceProvider.GetRequiredService<CaseCards>().SendAsync(@case, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await bed.MessageToAsync(TranPhuLeader, "Vì sao giao cho đồng chí: Lãnh đạo phường Trần Phú chịu trách nhiệm");
    }

    [Fact]
    public async Task An_anonymous_report_hides_the_residents_name_and_phone()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync(anonymous: true);

        var (_, card) = await bed.CardAsync(id, TranPhuLeader);

        Assert.DoesNotContain("Nguyễn Thị Lan", card.String("text")!, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", card.String("text")!, StringComparison.Ordinal);
        Assert.Contains("ẩn danh", card.String("text")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_cannot_use_an_officials_button_and_cannot_forge_one()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        var (messageId, card) = await bed.CardAsync(id, TranPhuLeader);

        var copied = await bed.PressAsync(Resident, Data(card, "o.ack"), messageId);
        var forged = await bed.PressAsync(Resident, $"o.ack:{id}:AAAAAAAAAAAA", messageId);

        Assert.Equal("true", copied.String("show_alert"), ignoreCase: true);
        Assert.Equal("true", forged.String("show_alert"), ignoreCase: true);
        Assert.Equal(CaseStatus.Assigned, (await bed.CaseAsync(id)).Status);
    }

    [Fact]
    public async Task An_official_of_another_ward_is_refused_even_with_a_button_signed_for_them()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        var (messageId, _) = await bed.CardAsync(id, TranPhuLeader);
        var codec = (ResidentBot.Bot.Conversations.Buttons.ButtonCodec)bed.Host.Services.GetService(typeof(ResidentBot.Bot.Conversations.Buttons.ButtonCodec))!;
        var theirs = codec.Button("x", "o.ack", id.ToString(System.Globalization.CultureInfo.InvariantCulture), Chat(QuangTrungLeader)).Data;

        var answer = await bed.PressAsync(QuangTrungLeader, theirs, messageId);

        Assert.Equal("true", answer.String("show_alert"), ignoreCase: true);
        Assert.Contains("không", answer.String("text")!, StringComparison.Ordinal);
        var after = await bed.CaseAsync(id);
        Assert.Equal(CaseStatus.Assigned, after.Status);
        Assert.DoesNotContain(after.Events, e => e.Kind == CaseEventKind.Acknowledged);
    }
}
