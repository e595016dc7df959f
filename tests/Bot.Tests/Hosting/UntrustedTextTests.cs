using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Tests.Hosting;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("a\nb\r\tc", "\"a\\nb\\r\\tc\"")]
    [InlineData("say \"hi\" \\n", "\"say \\\"hi\\\" \\\\n\"")]
    [InlineData("evil\u202Egnp.exe", "\"evil\\u202egnp.exe\"")] // right-to-left override
    [InlineData("line\u2028break\u0000", "\"line\\u2028break\\u0000\"")]
    [InlineData("Phường Trần Phú 👍", "\"Phường Trần Phú 👍\"")]
    [InlineData(null, "(none)")]
    public void Escapes_what_could_end_or_disguise_a_line_and_keeps_readable_text(string? value, string expected) =>
        Assert.Equal(expected, UntrustedText.ForLog(value));

    [Fact]
    public void Long_text_is_cut_at_the_bound_without_splitting_a_character_and_says_how_long_it_was()
    {
        var text = new string('a', 9) + "👍" + new string('b', 50);

        Assert.Equal("\"aaaaaaaaa\"… (61 chars)", UntrustedText.ForLog(text, maxChars: 10));
    }
}
