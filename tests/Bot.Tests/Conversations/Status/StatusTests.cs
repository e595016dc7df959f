using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;

namespace ResidentBot.Bot.Tests.Conversations.Status;

public sealed class StatusTests
{
    private const long Lan = 7101;
    private const long Minh = 7102;

    [Fact]
    public async Task Status_lists_own_cases_and_shows_one_with_its_history()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        var @case = await ResidentScenarios.ReportStreetLightAsync(host, chat);

        var list = ResidentChat.Text(await chat.CommandAsync("/status"));
        Assert.Contains(@case.TrackingCode, list, StringComparison.Ordinal);
        Assert.Contains("chờ tiếp nhận", list, StringComparison.Ordinal);
        Assert.Contains("Chủ tịch UBND phường Trần Phú", list, StringComparison.Ordinal);
        Assert.Contains("hạn xử lý", list, StringComparison.OrdinalIgnoreCase);

        var detail = ResidentChat.Text(await chat.CommandAsync($"/status {@case.TrackingCode.ToLowerInvariant()}"));
        Assert.Contains(ResidentScenarios.Description, detail, StringComparison.Ordinal);
        Assert.Contains("Bạn gửi phản ánh", detail, StringComparison.Ordinal);
        Assert.Contains("Giao cho Chủ tịch UBND phường Trần Phú", detail, StringComparison.Ordinal);

        var viaButton = ResidentChat.Text(await chat.PressAsync($"🔎 {@case.TrackingCode}"));
        Assert.Contains("Diễn biến", viaButton, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_code_is_not_found_and_nothing_leaks()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var @case = await ResidentScenarios.ReportStreetLightAsync(host, new ResidentChat(host, Lan));
        var other = new ResidentChat(host, Minh);

        var reply = ResidentChat.Text(await other.CommandAsync($"/status {@case.TrackingCode}"));
        var list = ResidentChat.Text(await other.CommandAsync("/mycases"));

        Assert.Contains("Không tìm thấy", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(ResidentScenarios.Description, reply, StringComparison.Ordinal);
        Assert.Contains("chưa có phản ánh", list, StringComparison.Ordinal);
    }
}
