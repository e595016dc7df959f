using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Tests.Notifications;

public sealed class TimeTextTests
{
    [Theory]
    [InlineData(0, 0, 12, "12 phút")]
    [InlineData(0, 0, 0, "1 phút")]
    [InlineData(0, 8, 0, "8 giờ")]
    [InlineData(0, 2, 5, "2 giờ 5 phút")]
    [InlineData(1, 0, 40, "1 ngày")]
    [InlineData(3, 4, 59, "3 ngày 4 giờ")]
    public void Durations_read_in_their_two_largest_meaningful_units(int days, int hours, int minutes, string expected) =>
        Assert.Equal(expected, TimeText.Duration(Texts.Vietnamese, new TimeSpan(days, hours, minutes, 20)));

    [Theory]
    [InlineData(0, 1, 1, "1 hour 1 minute")]
    [InlineData(2, 0, 0, "2 days")]
    [InlineData(0, 0, 45, "45 minutes")]
    public void English_durations_say_one_and_many(int days, int hours, int minutes, string expected) =>
        Assert.Equal(expected, TimeText.Duration(Texts.English, new TimeSpan(days, hours, minutes, 0)));

    [Fact]
    public void A_duration_argument_reads_in_the_language_of_the_message()
    {
        Assert.Equal("quá hạn 12 phút", Texts.Format(Texts.Vietnamese, "Official.Due.Overdue", TimeText.Span(TimeSpan.FromMinutes(12))));
        Assert.Equal("overdue by 12 minutes", Texts.Format(Texts.English, "Official.Due.Overdue", TimeText.Span(TimeSpan.FromMinutes(12))));
    }

    [Fact]
    public void Instants_have_one_format_in_the_directorys_time_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        Assert.Equal("08:30 03/03/2026", TimeText.Local(new DateTimeOffset(2026, 3, 3, 1, 30, 0, TimeSpan.Zero), zone));
        Assert.Equal("—", TimeText.Local((DateTimeOffset?)null, zone));
    }
}
