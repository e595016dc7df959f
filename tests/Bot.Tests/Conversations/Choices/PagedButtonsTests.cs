using System.Globalization;
using System.Text;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Choices;

namespace ResidentBot.Bot.Tests.Conversations.Choices;

/// <summary>A channel with a few short buttons: longer lists are paged behind "Xem thêm", long labels are shortened.</summary>
public sealed class PagedButtonsTests
{
    private const string Channel = "fewbuttons";

    private static readonly ChannelCapabilities FewButtons = RecordingChannel.PlainText with
    {
        MaxButtons = 3, MaxButtonLabelLength = 14, CanEditMessages = true,
    };

    [Fact]
    public async Task The_category_list_is_paged_behind_a_more_button_that_turns_the_page_in_place()
    {
        var channel = new RecordingChannel(Channel, FewButtons);
        await using var host = await ChoiceChannels.StartAsync(channel);
        var chat = new ChannelChat(host, channel, "res-2");

        var first = Assert.Single(await chat.CommandAsync("phananh"));
        Assert.Equal(7, first.Message.Choices.Count);
        var shown = first.Message.Buttons.SelectMany(r => r).ToList();
        Assert.Equal(3, shown.Count);
        Assert.All(shown, b => Assert.True(new StringInfo(b.Label).LengthInTextElements <= 14, b.Label));
        Assert.Equal("Chiếu sáng cô…", shown[0].Label);
        Assert.StartsWith("Xem thêm", shown[2].Label, StringComparison.Ordinal);

        var second = Assert.Single(await chat.PressAsync(first, "Xem thêm"));
        Assert.Equal(first.MessageId, second.Message.EditMessageId);
        Assert.Equal(first.Message.Text, second.Message.Text);
        Assert.Equal(["Đường sá, vỉa…", "Thoát nước, n…"], second.Message.Buttons.SelectMany(r => r).Take(2).Select(b => b.Label));

        var where = Assert.Single(await chat.PressAsync(second, "Thoát nước"));
        Assert.Contains("Bước 2/4", where.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_more_button_whose_tap_does_not_name_its_message_pages_the_newest_list_as_a_new_message()
    {
        var channel = new RecordingChannel(Channel, FewButtons with { CanEditMessages = false });
        await using var host = await ChoiceChannels.StartAsync(channel);
        var chat = new ChannelChat(host, channel, "res-3");
        var first = Assert.Single(await chat.CommandAsync("phananh"));

        var second = Assert.Single(await chat.PressAsync(first, "Xem thêm", saysWhichMessage: false));

        Assert.Null(second.Message.EditMessageId);
        Assert.Equal(1, second.Message.ChoicePage);
        Assert.StartsWith("Đường sá", second.Message.Buttons[0][0].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_is_shortened_at_a_character_boundary_even_when_its_accents_are_separate_marks()
    {
        var decomposed = "Phường Nguyễn Trãi".Normalize(NormalizationForm.FormD);

        var shortened = ChoiceShaper.Shorten(decomposed, 9);

        Assert.Equal("Phường N…", shortened.Normalize(NormalizationForm.FormC));
        Assert.Equal("Khác", ChoiceShaper.Shorten("Khác", 9));
    }
}
