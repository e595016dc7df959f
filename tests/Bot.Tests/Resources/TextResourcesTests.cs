using System.Xml.Linq;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Resources;

public sealed class TextResourcesTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Bot", "Resources"), "*.resx")
            .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_vietnamese_text_has_an_english_twin_and_back(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "Bot", "Resources");

        var vi = Keys(Path.Combine(folder, name + ".resx"));
        var en = Keys(Path.Combine(folder, name + ".en.resx"));

        Assert.Empty(vi.Except(en));
        Assert.Empty(en.Except(vi));
    }

    [Fact]
    public void Vietnamese_is_the_default_and_english_is_chosen_by_language()
    {
        Assert.StartsWith("Đã hủy", Texts.Get(Texts.Vietnamese, "Common.Cancelled"), StringComparison.Ordinal);
        Assert.StartsWith("Cancelled", Texts.Get(Texts.English, "Common.Cancelled"), StringComparison.Ordinal);
        Assert.Equal(Texts.Vietnamese, Texts.Normalize(null));
        Assert.Equal(Texts.English, Texts.Normalize("en-GB"));
    }

    [Theory]
    [InlineData(Texts.Vietnamese)]
    [InlineData(Texts.English)]
    public void Every_routing_reason_reads_in_both_languages(string language)
    {
        foreach (var code in ResidentBot.Routing.Cases.RoutingReason.Codes)
        {
            Assert.False(string.IsNullOrWhiteSpace(Texts.Get(language, $"Official.Reason.{code}")), code);
        }
    }

    [Fact]
    public void A_missing_text_is_a_clear_error_not_an_empty_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Texts.Get(Texts.Vietnamese, "No.Such.Key"));

        Assert.Contains("No.Such.Key", error.Message, StringComparison.Ordinal);
    }

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
}
