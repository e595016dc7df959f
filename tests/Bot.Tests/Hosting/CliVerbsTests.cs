using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Tests.Hosting;

/// <summary>The command-line verbs' dispatcher; the verbs' own work is tested beside their features (InviteTests, Open311KeyTests).</summary>
public sealed class CliVerbsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--urls http://localhost:5000")]
    [InlineData("--environment=Testing")]
    [InlineData("Telegram:BotToken=123:abc")]
    [InlineData("/contentRoot .")]
    public async Task Arguments_that_are_not_a_verb_are_left_to_the_host(string commandLine)
    {
        var (exit, output, error) = await RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Null(exit);
        Assert.Empty(output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task An_unknown_verb_names_itself_prints_the_usage_with_every_verb_and_exits_with_2()
    {
        var (exit, output, error) = await RunAsync(["inviet", "HD.TPHD.TRANPHU.CT"]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("«inviet»", error, StringComparison.Ordinal);
        Assert.Contains("Cách dùng", error, StringComparison.Ordinal);
        Assert.All(CliVerbs.Verbs, v => Assert.Contains(v.Verb, error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_the_usage_with_every_verb_to_standard_output_and_exits_with_0(string help)
    {
        var (exit, output, error) = await RunAsync([help]);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Single(output.Trim().Split('\n'));
        Assert.All(CliVerbs.Verbs, v => Assert.Contains(v.Verb, output, StringComparison.Ordinal));
    }

    // Each verb given nothing answers with its own usage (exit 2) before it opens a database: proof the table reaches it.
    [Theory]
    [InlineData("invite", "-- invite <mã cán bộ>")]
    [InlineData("open311-key", "open311-key --list")]
    [InlineData("console-link", "-- console-link <mã cán bộ>")]
    public async Task Each_verb_reaches_its_own_handler(string verb, string ownUsage)
    {
        var (exit, output, error) = await RunAsync([verb]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(ownUsage, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Không có lệnh", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_lists_each_verb_once()
    {
        Assert.Equal(["invite", "open311-key", "console-link"], CliVerbs.Verbs.Select(v => v.Verb));
    }

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliVerbs.TryRunAsync(args, null, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
