using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Public;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Public;

/// <summary>The optional tile layer: off by default (nothing asked of the internet), laid exactly under the map when configured.</summary>
public sealed partial class PublicMapTilesTests
{
    private const string Tiles = "https://tile.example.org/{z}/{x}/{y}.png";

    [Fact]
    public async Task Without_a_tile_url_the_page_loads_nothing_from_outside_and_allows_nothing_from_outside()
    {
        await using var host = await BotTestHost.StartAsync();
        await host.Services.GetRequiredService<PublicResults>().RefreshAsync(CancellationToken.None);
        using var http = host.CreateClient();

        using var response = await http.GetAsync(new Uri("/public", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<image", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", Attribute(page, "src"), StringComparison.Ordinal);
        Assert.Contains("img-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_tile_url_the_tiles_cover_the_whole_map_under_the_boundaries_and_the_policy_allows_their_host()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Public:TileUrl"] = Tiles });
        var results = host.Services.GetRequiredService<PublicResults>();
        var snapshot = await results.RefreshAsync(CancellationToken.None);
        using var http = host.CreateClient();

        using var response = await http.GetAsync(new Uri("/public", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("img-src 'self' https://tile.example.org;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("© OpenStreetMap contributors", page, StringComparison.Ordinal);
        var tiles = TileImage().Matches(page).Select(m => (
            X: double.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
            W: double.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture), H: double.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(tiles);
        var frame = snapshot.Images!.Frame;
        Assert.True(tiles.Min(t => t.X) <= 0 && tiles.Max(t => t.X + t.W) >= frame.Width - 0.1, "tiles do not span the map's width");
        Assert.True(tiles.Min(t => t.Y) <= 0 && tiles.Max(t => t.Y + t.H) >= frame.Height - 0.1, "tiles do not span the map's height");
        Assert.True(page.IndexOf("<g class=\"tiles\">", StringComparison.Ordinal) < page.IndexOf("<path class=\"a\"", StringComparison.Ordinal));
    }

    private static string Attribute(string html, string name) =>
        string.Join(' ', Regex.Matches(html, $"{name}=\"([^\"]*)\"").Select(m => m.Groups[1].Value));

    [GeneratedRegex("""<image href="https://tile\.example\.org/\d+/\d+/\d+\.png" x="(?<x>[-\d.]+)" y="(?<y>[-\d.]+)" width="(?<w>[\d.]+)" height="(?<h>[\d.]+)" """)]
    private static partial Regex TileImage();
}
