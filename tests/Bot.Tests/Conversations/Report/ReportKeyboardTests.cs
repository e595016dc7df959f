using System.Text.Json.Nodes;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Conversations.Report;

/// <summary>The reply keyboard during a report on Telegram: location where it helps, never the main menu mid-report.</summary>
public sealed class ReportKeyboardTests
{
    private const long Lan = 7101;

    [Fact]
    public async Task Telegram_is_offered_location_sharing_and_the_main_menu_stays_away_until_the_report_is_over()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        await chat.CommandAsync("/phananh");

        var where = await chat.PressAsync("Chiếu sáng");
        var description = await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        var photos = await chat.TextAsync(ResidentScenarios.Description);
        await chat.PressAsync("Bỏ qua");
        var submitted = await chat.PressAsync("Gửi");

        var locationButton = Markup(where, "Bước 2/4")?["keyboard"]?[0]?[0];
        Assert.True(locationButton?["request_location"]?.GetValue<bool>(), "the place question offers no location button");
        Assert.True(Markup(description, "Bước 3/4")?["remove_keyboard"]?.GetValue<bool>(), "the description question leaves the location keyboard up");
        Assert.DoesNotContain("📝 Phản ánh", Labels(Markup(description, "Bước 3/4")));
        Assert.DoesNotContain("📝 Phản ánh", Labels(Markup(photos, "Bước 4/4")));
        Assert.Contains("📝 Phản ánh", Labels(Markup(submitted, "HD-")));
    }

    private static IEnumerable<string> Labels(JsonNode? markup) => markup switch
    {
        JsonObject o => o.SelectMany(p => Labels(p.Value)),
        JsonArray a => a.SelectMany(Labels),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static JsonNode? Markup(IEnumerable<FakeBotApiCall> calls, string text) =>
        calls.Single(c => c.Method == "sendMessage" && c.String("text")!.Contains(text, StringComparison.Ordinal)) is var call
        && call.String("reply_markup") is { } markup ? JsonNode.Parse(markup) : null;
}
