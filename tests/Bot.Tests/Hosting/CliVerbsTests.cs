using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;

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
    public async Task Console_link_prints_a_sign_in_link_for_a_known_official_and_refuses_an_unknown_one_or_a_console_not_set_up()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-cli-").FullName;
        var database = Path.Combine(folder, "bot.db");
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:ResidentBot"] = $"Data Source={database}",
                ["Directory:Path"] = RepositoryPaths.SampleDirectory,
            };
            var notSetUp = await RunAsync(["console-link", "HD.TPHD.TRANPHU.CT"], settings);
            settings["Console:PublicBaseUrl"] = "https://hd.example.vn/";
            var linked = await RunAsync(["console-link", "HD.TPHD.TRANPHU.CT"], settings);
            var unknown = await RunAsync(["console-link", "NO.SUCH"], settings);

            Assert.Equal((1, ""), (notSetUp.Exit, notSetUp.Output));
            Assert.Contains("Console:PublicBaseUrl", notSetUp.Error, StringComparison.Ordinal);
            Assert.Equal(0, linked.Exit);
            Assert.StartsWith("https://hd.example.vn/console/signin?code=", linked.Output.Trim(), StringComparison.Ordinal);
            Assert.Equal((1, ""), (unknown.Exit, unknown.Output));
            Assert.Contains("NO.SUCH", unknown.Error, StringComparison.Ordinal);
            await using var db = new ResidentBotDbContext(new DbContextOptionsBuilder<ResidentBotDbContext>().UseSqlite($"Data Source={database}").Options);
            Assert.Equal(1, await db.ConsoleSignIns.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_table_lists_each_verb_once()
    {
        Assert.Equal(["invite", "open311-key", "console-link"], CliVerbs.Verbs.Select(v => v.Verb));
    }

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliVerbs.TryRunAsync(args, settings, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
