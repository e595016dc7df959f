using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using ResidentBot.Tests.Databases;

namespace ResidentBot.Bot.Tests.Officials;

public class CaseActionTests
{
    [SkippableFact]
    public async Task Acknowledging_tells_the_resident_who_took_the_case_and_the_card_shows_it_in_progress_without_the_acknowledge_button()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        var (messageId, card) = await bed.CardAsync(id, TranPhuLeader);

        var answer = await bed.PressAsync(TranPhuLeader, Data(card, "o.ack"), messageId);

        Assert.NotEqual("true", answer.String("show_alert")?.ToLowerInvariant());
        await bed.MessageToAsync(Resident, "Chủ tịch UBND phường Trần Phú");
        Assert.Equal(CaseStatus.Acknowledged, (await bed.CaseAsync(id)).Status);
        var edit = await CardEditAsync(bed, TranPhuLeader, messageId);
        Assert.Contains("· đang xử lý", edit.String("text")!, StringComparison.Ordinal);
        Assert.DoesNotContain("chờ tiếp nhận", edit.String("text")!, StringComparison.Ordinal);
        Assert.Equal(["o.rpl", "o.res", "o.ask", "o.trf", "o.rej", "o.dup"], Buttons(edit).Select(b => b.Data.Split(':')[0]));

        var again = await bed.PressAsync(TranPhuLeader, Data(card, "o.ack"), messageId);
        Assert.Equal("true", again.String("show_alert"), ignoreCase: true);
    }

    [SkippableFact]
    public async Task A_telegram_reply_to_the_card_reaches_the_resident_and_is_logged()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        var (messageId, _) = await bed.CardAsync(id, TranPhuLeader);

        await bed.SendAsync(FakeUpdates.Update(0, "message", FakeUpdates.Message(TranPhuLeader, 900, m =>
        {
            m["text"] = "Chiều nay đội điện lực sẽ thay bóng.";
            m["reply_to_message"] = FakeUpdates.Message(FakeBotApi.BotId, messageId, r => r["text"] = "card");
        })));

        await bed.MessageToAsync(Resident, "Chiều nay đội điện lực sẽ thay bóng.");
        var @case = await bed.CaseAsync(id);
        Assert.Contains(@case.Events, e => e.Kind == CaseEventKind.RepliedToResident && e.Note == "Chiều nay đội điện lực sẽ thay bóng.");
    }

    [SkippableFact]
    public async Task Resolving_asks_for_a_note_then_asks_the_resident_to_confirm_and_the_card_keeps_only_the_reply_button()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        var (messageId, card) = await bed.CardAsync(id, TranPhuLeader);

        await bed.PressAsync(TranPhuLeader, Data(card, "o.res"), messageId);
        await bed.MessageToAsync(TranPhuLeader, "kết quả xử lý");
        await bed.SendAsync(FakeUpdates.Text(TranPhuLeader, "Đã thay bóng đèn mới."));

        var @case = await bed.CaseAsync(id);
        Assert.Equal(CaseStatus.Resolved, @case.Status);
        Assert.Equal("Đã thay bóng đèn mới.", @case.ResolutionNote);
        await bed.MessageToAsync(Resident, "Đã thay bóng đèn mới.");
        var edit = await CardEditAsync(bed, TranPhuLeader, messageId);
        Assert.Contains("· đã xử lý, chờ người dân xác nhận", edit.String("text")!, StringComparison.Ordinal);
        Assert.Equal(["o.rpl"], Buttons(edit).Select(b => b.Data.Split(':')[0]));
    }

    [SkippableFact]
    public async Task Rejecting_needs_a_reason_and_the_resident_is_told_it()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        var (messageId, card) = await bed.CardAsync(id, TranPhuLeader);

        await bed.PressAsync(TranPhuLeader, Data(card, "o.rej"), messageId);
        await bed.SendAsync(FakeUpdates.Text(TranPhuLeader, "Đèn thuộc khu đô thị tư nhân quản lý."));

        var @case = await bed.CaseAsync(id);
        Assert.Equal(CaseStatus.Rejected, @case.Status);
        Assert.Equal("Đèn thuộc khu đô thị tư nhân quản lý.", @case.RejectionReason);
        await bed.MessageToAsync(Resident, "Lý do: Đèn thuộc khu đô thị tư nhân quản lý.");
        var edit = await CardEditAsync(bed, TranPhuLeader, messageId);
        Assert.Contains("· đã từ chối", edit.String("text")!, StringComparison.Ordinal);
        Assert.Null(edit.String("reply_markup"));
        Assert.DoesNotContain("Để trả lời người dân", edit.String("text")!, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Transferring_to_another_ward_moves_the_case_the_old_card_says_where_it_went_and_its_buttons_stop_working()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        var (messageId, card) = await bed.CardAsync(id, TranPhuLeader);

        await bed.PressAsync(TranPhuLeader, Data(card, "o.trf"), messageId);
        var wards = await bed.MessageToAsync(TranPhuLeader, "Chuyển phản ánh");
        var quangTrung = Buttons(wards).Single(b => b.Label == "Phường Quang Trung").Data;
        await bed.PressAsync(TranPhuLeader, quangTrung, messageId + 1);
        var categories = await bed.MessageToAsync(TranPhuLeader, "Chọn loại vấn đề");
        await bed.PressAsync(TranPhuLeader, Buttons(categories)[0].Data, messageId + 2);
        await bed.SendAsync(FakeUpdates.Text(TranPhuLeader, "Ngõ 12 thuộc địa bàn Quang Trung."));

        var @case = await bed.CaseAsync(id);
        Assert.Equal(CaseStatus.Transferred, @case.Status);
        Assert.NotEqual(@case.Events.First(e => e.Kind == CaseEventKind.Assigned).OfficialId, @case.AccountableOfficialId);
        var transferred = Assert.Single(@case.Events, e => e.Kind == CaseEventKind.Transferred);
        Assert.StartsWith("Ngõ 12 thuộc địa bàn Quang Trung.", transferred.Note, StringComparison.Ordinal);
        var (newMessageId, newCard) = await bed.CardAsync(id, QuangTrungLeader);
        Assert.Contains("Phường Quang Trung", newCard.String("text")!, StringComparison.Ordinal);
        Assert.Contains("Chủ tịch UBND phường Trần Phú đã chuyển phản ánh đến, lý do: «Ngõ 12 thuộc địa bàn Quang Trung.»", newCard.String("text")!, StringComparison.Ordinal);
        await bed.MessageToAsync(Resident, "Chủ tịch UBND phường Quang Trung");

        var moved = await CardEditAsync(bed, TranPhuLeader, messageId);
        Assert.StartsWith($"↪️ Phản ánh {@case.TrackingCode} đã chuyển cho Chủ tịch UBND phường Quang Trung (Phường Quang Trung) phụ trách", moved.String("text")!, StringComparison.Ordinal);
        Assert.Null(moved.String("reply_markup"));

        var stale = await bed.PressAsync(TranPhuLeader, Data(card, "o.res"), messageId);
        Assert.Equal("true", stale.String("show_alert"), ignoreCase: true);
        await bed.PressAsync(QuangTrungLeader, Data(newCard, "o.ack"), newMessageId);
        Assert.Equal(CaseStatus.Acknowledged, (await bed.CaseAsync(id)).Status);
    }

    [SkippableFact]
    public async Task A_ward_typed_by_name_is_matched_by_the_routing_engine()
    {
        await using var bed = await StartAsync();
        var id = await bed.CreateCaseAsync();
        var (messageId, card) = await bed.CardAsync(id, TranPhuLeader);

        await bed.PressAsync(TranPhuLeader, Data(card, "o.trf"), messageId);
        await bed.SendAsync(FakeUpdates.Text(TranPhuLeader, "phuong Quang Trung"));

        var categories = await bed.MessageToAsync(TranPhuLeader, "→ Phường Quang Trung");
        Assert.StartsWith("o.trc:", Buttons(categories)[0].Data, StringComparison.Ordinal);
    }

    /// <summary>Waits for the last edit of the card <paramref name="messageId"/> in <paramref name="chat"/>.</summary>
    private static async Task<FakeBotApiCall> CardEditAsync(OfficialsHarness bed, long chat, int messageId)
    {
        FakeBotApiCall? edit = null;
        await WaitUntilAsync(() =>
        {
            edit = bed.Api.CallsTo("editMessageText").LastOrDefault(c => c.Long("chat_id") == chat && c.Long("message_id") == messageId);
            return Task.FromResult(edit is not null);
        });
        return edit!;
    }
}

/// <summary>The same tests on PostgreSQL (reported skipped, with the reason, where no server is available).</summary>
public sealed class CaseActionTestsOnPostgreSql : CaseActionTests, IDisposable
{
    private readonly IDisposable provider = TestDatabases.Use(TestDatabases.PostgreSql);

    public void Dispose() => provider.Dispose();
}
