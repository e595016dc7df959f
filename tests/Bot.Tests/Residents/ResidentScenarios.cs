using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Residents;

/// <summary>Steps many tests share: a complete report by location in Phường Trần Phú.</summary>
internal static class ResidentScenarios
{
    public const string Description = "Đèn đường trước số 12 ngõ 5 không sáng ba hôm nay";

    public static async Task<Case> ReportStreetLightAsync(BotTestHost host, ResidentChat chat)
    {
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(Description);
        await chat.PressAsync("Bỏ qua");
        await chat.PressAsync("Gửi");
        await using var db = host.NewDbContext();
        return await db.Cases.OrderByDescending(c => c.Id).FirstAsync();
    }
}
