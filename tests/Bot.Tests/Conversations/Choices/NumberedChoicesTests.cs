using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Conversations.Choices;

/// <summary>
/// The whole dialogue on a channel with no buttons, no edits and no replies (like the Zalo Bot Platform): every choice is
/// a numbered line, a typed number or label picks it, and nothing is sent that the channel cannot show.
/// </summary>
public sealed class NumberedChoicesTests
{
    private const string Channel = "plaintext";
    private const string Resident = "res-1";
    private const string Leader = "off-1";
    private const string Description = "Đèn đường trước số 12 ngõ 5 không sáng ba hôm nay";

    [Fact]
    public async Task A_resident_reports_by_typing_numbers_labels_and_the_place()
    {
        var channel = new RecordingChannel(Channel, RecordingChannel.PlainText);
        await using var host = await ChoiceChannels.StartAsync(channel);
        await ChoiceChannels.BindOfficialAsync(host, ChoiceChannels.ThanhBinhLeader, Channel, Leader);
        var chat = new ChannelChat(host, channel, Resident);

        var categories = Assert.Single(await chat.CommandAsync("phananh"));
        Assert.Contains("Bước 1/4", categories.Message.Text, StringComparison.Ordinal);
        Assert.Contains("1. ", categories.Message.Text, StringComparison.Ordinal);
        Assert.EndsWith("Gõ số để chọn.", categories.Message.Text, StringComparison.Ordinal);

        var where = Assert.Single(await chat.TextAsync(ChannelChat.NumberOf(categories, "Chiếu sáng")));
        Assert.Contains("Bạn gõ tên phường, xã hoặc địa chỉ", where.Message.Text, StringComparison.Ordinal);
        Assert.Equal(KeyboardKind.None, where.Message.Keyboard);

        var places = Assert.Single(await chat.TextAsync("phường Thanh Bình"));
        Assert.Contains("Có nhiều nơi khớp với «phường Thanh Bình»", places.Message.Text, StringComparison.Ordinal);
        var described = Assert.Single(await chat.TextAsync("phường thanh bình, thành phố hải dương")); // a choice's label, typed
        Assert.Contains("Phường Thanh Bình, Thành phố Hải Dương", described.Message.Text, StringComparison.Ordinal);

        var photos = Assert.Single(await chat.TextAsync(Description));
        Assert.Contains("Gửi xong thì chọn «✅ Xong»", photos.Message.Text, StringComparison.Ordinal);
        Assert.Single(await chat.PhotoAsync("lamp"));
        var summary = Assert.Single(await chat.TextAsync("xong")); // «✅ Xong» by its word
        Assert.Contains("Chọn «✅ Gửi» để gửi phản ánh.", summary.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bấm", summary.Message.Text, StringComparison.Ordinal);

        var anonymous = Assert.Single(await chat.TextAsync(ChannelChat.NumberOf(summary, "ẩn danh")));
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.AnonymousOn"), anonymous.Message.Text, StringComparison.Ordinal);
        var sent = await chat.TextAsync(ChannelChat.NumberOf(anonymous, "Gửi"));

        await using var db = host.NewDbContext();
        var @case = await db.Cases.Include(c => c.Area).Include(c => c.Attachments).SingleAsync();
        Assert.Equal("HD.TPHD.THANHBINH", @case.Area!.Code);
        Assert.True(@case.AnonymousToOfficials);
        Assert.Equal("lamp", Assert.Single(@case.Attachments).FileRef);
        Assert.StartsWith($"✅ Đã gửi phản ánh {@case.TrackingCode}.", Assert.Single(chat.Mine(sent)).Message.Text, StringComparison.Ordinal);
        Assert.Contains(sent, m => m.Recipient == Leader && m.Message.Text.Contains(@case.TrackingCode, StringComparison.Ordinal));

        var list = Assert.Single(await chat.CommandAsync("status"));
        var detail = Assert.Single(await chat.TextAsync(ChannelChat.NumberOf(list, $"🔎 {@case.TrackingCode}")));
        Assert.StartsWith($"{@case.TrackingCode} · ", detail.Message.Text, StringComparison.Ordinal);
        var add = Assert.Single(await chat.TextAsync(ChannelChat.NumberOf(detail, "Bổ sung")));
        Assert.Contains("Gửi xong thì chọn «✅ Xong».", add.Message.Text, StringComparison.Ordinal);
        AssertNothingTheChannelCannotShow(channel);
    }

    [Fact]
    public async Task An_official_acknowledges_replies_and_resolves_by_number_and_the_resident_confirms_and_rates()
    {
        var channel = new RecordingChannel(Channel, RecordingChannel.PlainText);
        await using var host = await ChoiceChannels.StartAsync(channel);
        await ChoiceChannels.BindOfficialAsync(host, ChoiceChannels.ThanhBinhLeader, Channel, Leader);
        var resident = new ChannelChat(host, channel, Resident);
        var official = new ChannelChat(host, channel, Leader, "Cao Thị Loan");
        var card = await ReportAsync(resident);
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Official.Card.HowToReply.Typed"), card.Message.Text, StringComparison.Ordinal);
        var help = Assert.Single(await official.CommandAsync("start")).Message.Text;
        Assert.EndsWith(Texts.Get(Texts.Vietnamese, "Common.HelpOfficial.Reply.Typed"), help, StringComparison.Ordinal);
        Assert.DoesNotContain("{0}", help, StringComparison.Ordinal);
        Assert.DoesNotContain("trả lời thẳng vào tin nhắn", card.Message.Text, StringComparison.Ordinal);

        var acknowledged = await official.TextAsync(ChannelChat.NumberOf(card, "Tiếp nhận"));
        Assert.Equal(CaseStatus.Acknowledged, await StatusAsync(host));
        Assert.Contains(resident.Mine(acknowledged), m => m.Message.Text.Contains("tiếp nhận", StringComparison.Ordinal));
        var mine = official.Mine(acknowledged);
        var newCard = Assert.Single(mine, m => m.Message.Choices.Count > 0); // the edit, sent again as a new message
        Assert.DoesNotContain("Tiếp nhận", string.Join("\n", newCard.Message.Choices.Select(c => c.Label)), StringComparison.Ordinal);
        Assert.Contains(mine, m => m.Message.Text.StartsWith("Đã tiếp nhận phản ánh", StringComparison.Ordinal)); // what the button would have said

        var refused = Assert.Single(await official.TextAsync("9"));
        Assert.Equal($"Số 9 không có trong danh sách. Xin gõ một số từ 1 đến {newCard.Message.Choices.Count}.", refused.Message.Text);
        Assert.Equal(CaseStatus.Acknowledged, await StatusAsync(host));

        var ask = Assert.Single(await official.TextAsync(ChannelChat.NumberOf(newCard, "Trả lời")));
        Assert.StartsWith("Nhập nội dung trả lời người dân", ask.Message.Text, StringComparison.Ordinal);
        var relayed = await official.TextAsync("Phường sẽ thay bóng đèn trong tuần này.");
        Assert.Contains(resident.Mine(relayed), m => m.Message.Text.EndsWith("Phường sẽ thay bóng đèn trong tuần này.", StringComparison.Ordinal));

        await official.TextAsync(ChannelChat.NumberOf(newCard, "Đã xử lý"));
        var resolved = await official.TextAsync("Đã thay bóng đèn mới.");
        Assert.Equal(CaseStatus.Resolved, await StatusAsync(host));
        Assert.Single(official.Mine(resolved), m => m.Message.Text.StartsWith("📋 Phản ánh", StringComparison.Ordinal)); // one card, not one per copy
        var confirm = Assert.Single(resident.Mine(resolved), m => m.Message.Choices.Count > 0);
        var rating = Assert.Single(resident.Mine(await resident.TextAsync(ChannelChat.NumberOf(confirm, "Đã khắc phục"))), m => m.Message.Choices.Count > 0);
        var rated = Assert.Single(resident.Mine(await resident.TextAsync("5")));

        Assert.StartsWith("Cảm ơn bạn đã chấm 5/5", rated.Message.Text, StringComparison.Ordinal);
        Assert.Equal(5, rating.Message.Choices.Count);
        await using var db = host.NewDbContext();
        Assert.Equal(5, (await db.Cases.SingleAsync()).Rating);
        AssertNothingTheChannelCannotShow(channel);
    }

    [Fact]
    public async Task A_card_that_would_read_the_same_is_not_sent_again_where_it_cannot_be_edited()
    {
        var channel = new RecordingChannel(Channel, RecordingChannel.PlainText);
        await using var host = await ChoiceChannels.StartAsync(channel);
        await ChoiceChannels.BindOfficialAsync(host, ChoiceChannels.ThanhBinhLeader, Channel, Leader);
        await ReportAsync(new ChannelChat(host, channel, Resident));
        var before = channel.Sent.Count;

        await ResidentChat.InScopeAsync(host, async services =>
        {
            var db = services.GetRequiredService<ResidentBotDbContext>();
            await services.GetRequiredService<CaseCards>().RefreshAsync(await db.Cases.SingleAsync(), CancellationToken.None);
        });
        await using (var db = host.NewDbContext())
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending));
            Assert.Equal(before, await db.OutboxMessages.CountAsync(m => m.Channel == Channel));
        }

        Assert.Equal(before, channel.Sent.Count);
    }

    [Fact]
    public async Task A_number_not_on_the_list_is_refused_and_a_number_from_a_finished_step_gets_a_clear_answer()
    {
        var channel = new RecordingChannel(Channel, RecordingChannel.PlainText);
        await using var host = await ChoiceChannels.StartAsync(channel);
        var chat = new ChannelChat(host, channel, Resident);
        Assert.EndsWith("Gõ /phananh để bắt đầu.", Assert.Single(await chat.CommandAsync("start")).Message.Text, StringComparison.Ordinal);
        var categories = Assert.Single(await chat.CommandAsync("phananh"));
        var before = await ChoiceChannels.ConversationAsync(host, Channel, Resident);

        var refused = Assert.Single(await chat.TextAsync("12"));
        Assert.Equal("Số 12 không có trong danh sách. Xin gõ một số từ 1 đến 7.", refused.Message.Text);
        Assert.Equal(before, await ChoiceChannels.ConversationAsync(host, Channel, Resident));

        await chat.TextAsync(ChannelChat.NumberOf(categories, "Chiếu sáng"));
        var atWhere = await ChoiceChannels.ConversationAsync(host, Channel, Resident);
        var stale = Assert.Single(await chat.TextAsync(ChannelChat.NumberOf(categories, "Rác thải")));
        Assert.Equal(Texts.Get(Texts.Vietnamese, "Resident.Report.Expired"), stale.Message.Text);
        Assert.Equal(atWhere, await ChoiceChannels.ConversationAsync(host, Channel, Resident));
        Assert.Equal(0, channel.ButtonAnswers);
    }

    [Fact]
    public async Task A_list_longer_than_a_page_is_paged_and_its_numbers_keep_counting()
    {
        var channel = new RecordingChannel(Channel, RecordingChannel.PlainText);
        await using var host = await ChoiceChannels.StartAsync(channel);
        await ChoiceChannels.BindOfficialAsync(host, ChoiceChannels.ThanhBinhLeader, Channel, Leader);
        var official = new ChannelChat(host, channel, Leader, "Cao Thị Loan");
        var card = await ReportAsync(new ChannelChat(host, channel, Resident));

        // The twelve wards of the city: ten on the first page, the rest on "thêm".
        var wards = Assert.Single(await official.TextAsync(ChannelChat.NumberOf(card, "Chuyển")));
        Assert.Equal(12, wards.Message.Choices.Count);
        Assert.Contains("10. ", wards.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("11. ", wards.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Gõ «thêm» để xem tiếp (trang 1/2).", wards.Message.Text, StringComparison.Ordinal);
        var more = Assert.Single(await official.TextAsync("thêm"));
        Assert.StartsWith("Các lựa chọn tiếp theo:", more.Message.Text, StringComparison.Ordinal);
        Assert.Contains("11. ", more.Message.Text, StringComparison.Ordinal);
        Assert.Contains("12. ", more.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n1. ", more.Message.Text, StringComparison.Ordinal);

        var ward = wards.Message.Choices[10].Label;
        var categories = Assert.Single(await official.TextAsync("11"));
        Assert.Contains($"→ {ward}", categories.Message.Text, StringComparison.Ordinal);
        await official.TextAsync(ChannelChat.NumberOf(categories, "Chiếu sáng"));
        await official.TextAsync("Địa điểm thuộc phường khác");

        await using var db = host.NewDbContext();
        Assert.Equal(ward, (await db.Cases.Include(c => c.Area).SingleAsync()).Area!.Name);
    }

    /// <summary>A report typed through to the end; returns the card the ward leader was sent.</summary>
    private static async Task<SentMessage> ReportAsync(ChannelChat chat)
    {
        var categories = Assert.Single(await chat.CommandAsync("phananh"));
        await chat.TextAsync(ChannelChat.NumberOf(categories, "Chiếu sáng"));
        var places = Assert.Single(await chat.TextAsync("phường Thanh Bình"));
        await chat.TextAsync(ChannelChat.NumberOf(places, "Thành phố Hải Dương"));
        var photos = Assert.Single(await chat.TextAsync(Description));
        var summary = Assert.Single(await chat.TextAsync(ChannelChat.NumberOf(photos, "Bỏ qua")));
        var sent = await chat.TextAsync(ChannelChat.NumberOf(summary, "Gửi"));
        return Assert.Single(sent, m => m.Recipient == Leader && m.Message.Choices.Count > 0);
    }

    private static async Task<CaseStatus> StatusAsync(Infrastructure.BotTestHost host)
    {
        await using var db = host.NewDbContext();
        return (await db.Cases.AsNoTracking().SingleAsync()).Status;
    }

    private static void AssertNothingTheChannelCannotShow(RecordingChannel channel)
    {
        Assert.All(channel.Sent, m =>
        {
            Assert.Empty(m.Message.Buttons);
            Assert.Null(m.Message.EditMessageId);
            Assert.Equal(KeyboardKind.None, m.Message.Keyboard);
            Assert.DoesNotContain("bấm", m.Message.Text, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(0, channel.ButtonAnswers);
    }
}
