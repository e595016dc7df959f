using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Conversations.Report;

public sealed class ReportRestartTests
{
    private const long Lan = 7002;

    [Fact]
    public async Task A_restart_in_the_middle_of_a_report_loses_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-restart-").FullName;
        int updatesSeen;
        await using (var first = await BotTestHost.StartAsync(ResidentChat.FastOutbox()))
        {
            var chat = new ResidentChat(first, Lan);
            await chat.CommandAsync("/phananh");
            await chat.PressAsync("Chiếu sáng");
            await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
            updatesSeen = 3;
            // The host deletes its folder when disposed, so keep a consistent copy of the database as the restart's disk.
            await using var source = new SqliteConnection($"Data Source={Path.Combine(first.Folder, "bot.db")}");
            await using var target = new SqliteConnection($"Data Source={Path.Combine(folder, "bot.db")}");
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        var api = await FakeBotApi.StartAsync();
        // A fresh fake numbers updates from the start again; replaying the old ids shows they are not handled twice.
        for (var i = 0; i < updatesSeen; i++)
        {
            api.EnqueueUpdate(FakeUpdates.Text(Lan, "replayed"));
        }

        await using var second = await BotTestHost.StartAsync(ResidentChat.FastOutbox(), folder: folder, api: api);
        var resumed = new ResidentChat(second, Lan);
        var reply = await resumed.TextAsync(ResidentScenarios.Description);
        Assert.Contains("Bước 4/4", ResidentChat.Text(reply), StringComparison.Ordinal);
        await resumed.PressAsync("Bỏ qua");
        await resumed.PressAsync("Gửi");

        await using var db = second.NewDbContext();
        var @case = await db.Cases.Include(c => c.Category).SingleAsync();
        Assert.Equal("lighting", @case.Category!.Code);
        Assert.Equal(CaseStatus.Assigned, @case.Status);
        Assert.Equal(ResidentScenarios.Description, @case.Description);
    }
}
