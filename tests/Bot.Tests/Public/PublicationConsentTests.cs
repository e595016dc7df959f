using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Conversations.Choices;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Public;

/// <summary>The report's summary asks once whether the case may be published; unless the resident says yes, it is not.</summary>
public sealed class PublicationConsentTests
{
    private const long Lan = 7141;

    [Fact]
    public async Task A_report_sent_without_touching_the_publication_choice_is_not_published()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        var summary = ResidentChat.Text(await ToSummaryAsync(chat));

        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.PublishOff"), summary, StringComparison.Ordinal);
        await chat.PressAsync("Gửi");

        await using var db = host.NewDbContext();
        Assert.False((await db.Cases.SingleAsync()).PublicationConsent);
    }

    [Fact]
    public async Task On_telegram_the_resident_allows_publication_with_the_summary_button_and_can_take_it_back()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await ToSummaryAsync(chat);

        var allowed = ResidentChat.Text(await chat.PressAsync("Cho phép công khai"));
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.PublishOn"), allowed, StringComparison.Ordinal);
        var withdrawn = ResidentChat.Text(await chat.PressAsync("Không công khai"));
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.PublishOff"), withdrawn, StringComparison.Ordinal);
        await chat.PressAsync("Cho phép công khai");
        await chat.PressAsync("Gửi");

        await using var db = host.NewDbContext();
        var @case = await db.Cases.SingleAsync();
        Assert.True(@case.PublicationConsent);
        Assert.False(@case.AnonymousToOfficials); // one choice does not touch the other
    }

    [Fact]
    public async Task On_a_channel_without_buttons_the_resident_allows_publication_by_its_number()
    {
        var channel = new RecordingChannel("plaintext", RecordingChannel.PlainText);
        await using var host = await ChoiceChannels.StartAsync(channel);
        var chat = new ChannelChat(host, channel, "res-pub");

        var categories = Assert.Single(await chat.CommandAsync("phananh"));
        await chat.TextAsync(ChannelChat.NumberOf(categories, "Chiếu sáng"));
        await chat.TextAsync("phường Thanh Bình");
        await chat.TextAsync("phường thanh bình, thành phố hải dương"); // one of the places offered, by its label
        await chat.TextAsync("Đèn đường ngõ 9 phường Thanh Bình tắt cả tuần");
        var summary = Assert.Single(await chat.TextAsync("bỏ qua"));
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.PublishOff"), summary.Message.Text, StringComparison.Ordinal);

        var allowed = Assert.Single(await chat.TextAsync(ChannelChat.NumberOf(summary, "Cho phép công khai")));
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Report.PublishOn"), allowed.Message.Text, StringComparison.Ordinal);
        await chat.TextAsync(ChannelChat.NumberOf(allowed, "Gửi"));

        await using var db = host.NewDbContext();
        var @case = await db.Cases.SingleAsync();
        Assert.True(@case.PublicationConsent);
        Assert.Equal("Đèn đường ngõ 9 phường Thanh Bình tắt cả tuần", @case.Description);
    }

    private static async Task<IReadOnlyList<Fakes.FakeBotApiCall>> ToSummaryAsync(ResidentChat chat)
    {
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(ResidentScenarios.Description);
        var summary = await chat.PressAsync("Bỏ qua");
        Assert.Contains("Kiểm tra lại phản ánh", ResidentChat.Text(summary), StringComparison.Ordinal);
        return summary;
    }
}
