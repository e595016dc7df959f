using System.Net;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Open311.Keys;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using static ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

public sealed class Open311KeyTests
{
    [Fact]
    public async Task The_command_line_prints_a_key_stores_only_its_hash_lists_and_revokes_and_leaves_other_arguments_to_the_host()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-open311-cli-").FullName;
        var database = Path.Combine(folder, "bot.db");
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:ResidentBot"] = $"Data Source={database}",
                ["Directory:Path"] = RepositoryPaths.SampleDirectory,
            };
            using var output = new StringWriter();
            using var error = new StringWriter();

            Assert.Null(await CliVerbs.TryRunAsync(["--urls", "http://localhost:5000"], settings, output, error, CancellationToken.None));
            Assert.Equal(2, await CliVerbs.TryRunAsync(["open311-key"], settings, output, error, CancellationToken.None));
            Assert.Equal(2, await CliVerbs.TryRunAsync(["open311-key", "--revoke"], settings, output, error, CancellationToken.None));
            Assert.Contains("open311-key", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, await CliVerbs.TryRunAsync(["open311-key", "fixmystreet"], settings, output, error, CancellationToken.None));
            var key = output.ToString().Trim();
            output.GetStringBuilder().Clear();
            Assert.Equal(0, await CliVerbs.TryRunAsync(["open311-key", "--list"], settings, output, error, CancellationToken.None));
            var listed = output.ToString();
            Assert.Equal(0, await CliVerbs.TryRunAsync(["open311-key", "--revoke", "fixmystreet"], settings, output, error, CancellationToken.None));
            Assert.Equal(1, await CliVerbs.TryRunAsync(["open311-key", "--revoke", "fixmystreet"], settings, output, error, CancellationToken.None));

            Assert.Matches("^[A-Za-z0-9_-]{43}$", key);
            Assert.Contains("fixmystreet\t", listed, StringComparison.Ordinal);
            Assert.Contains("active", listed, StringComparison.Ordinal);
            Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
            var options = new DbContextOptionsBuilder<ResidentBotDbContext>().UseSqlite($"Data Source={database}").Options;
            await using var db = new ResidentBotDbContext(options);
            var stored = await db.Open311Keys.SingleAsync();
            Assert.Equal(Open311Keys.Hash(key), stored.KeyHash);
            Assert.NotNull(stored.RevokedAt);
            Assert.DoesNotContain(key, stored.Name + stored.KeyHash, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Requests_over_the_per_key_limit_get_429_with_retry_after_while_another_key_still_gets_through()
    {
        await using var bed = await StartAsync(new Dictionary<string, string?> { ["Open311:PermitsPerMinute"] = "3" });
        var other = await NewKeyAsync(bed.Host, "city-app");
        var key = Uri.EscapeDataString(bed.Key);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await bed.GetAsync($"services.json?api_key={key}")).Status);
        }

        using var limited = await bed.Client.GetAsync(new Uri($"/open311/v2/requests.xml?api_key={key}", UriKind.Relative));
        using var post = await bed.PostAsync("json", Report());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal("429", Xml(await limited.Content.ReadAsStringAsync()).Element("error")!.Element("code")!.Value);
        Assert.Equal(HttpStatusCode.TooManyRequests, post.StatusCode);
        Assert.Equal(200, (await bed.GetAsync($"services.json?api_key={Uri.EscapeDataString(other)}")).Status);
        await using var db = bed.Host.NewDbContext();
        Assert.Equal(0, await db.Cases.CountAsync());
    }
}
