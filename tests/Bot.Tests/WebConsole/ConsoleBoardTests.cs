using System.Net;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>The supervisor's board: the digest's rows on screen and as CSV, and the bot's own supervisor actions and checks.</summary>
public sealed class ConsoleBoardTests
{
    [Fact]
    public async Task The_board_lists_overdue_cases_by_ward_and_official_with_their_level_and_exports_them()
    {
        await using var bed = await StartAsync(Settings());
        var late = await bed.CreateCaseAsync(at: DateTimeOffset.UtcNow.AddDays(-20));
        var fresh = await bed.CreateCaseAsync();
        await using (var db = bed.Host.NewDbContext())
        {
            await EscalateToAsync(db, late, CitySupervisorCode);
        }

        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }

        using var board = await client.GetAsync(new Uri("/console/board", UriKind.Relative));
        var html = await board.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains(await bed.CodeAsync(late), html, StringComparison.Ordinal);
        Assert.DoesNotContain(await bed.CodeAsync(fresh), html, StringComparison.Ordinal);
        Assert.Contains("Chủ tịch UBND phường Trần Phú", html, StringComparison.Ordinal);
        using var csv = await client.GetAsync(new Uri("/console/board/overdue.csv", UriKind.Relative));
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{await bed.CodeAsync(late)}\",\"Phường Trần Phú\",\"Chủ tịch UBND phường Trần Phú\"", text, StringComparison.Ordinal);
        using var chart = await client.GetAsync(new Uri("/console/board/scorecard.svg", UriKind.Relative));
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scorecard_is_computed_once_a_minute_and_the_page_its_chart_and_its_csv_show_the_same_figures_and_when()
    {
        await using var bed = await StartAsync(Settings());
        await bed.CreateCaseAsync(at: DateTimeOffset.UtcNow.AddHours(-2));
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }

        using var board = await client.GetAsync(new Uri("/console/board", UriKind.Relative));
        var html = await board.Content.ReadAsStringAsync();
        await bed.CreateCaseAsync(at: DateTimeOffset.UtcNow.AddHours(-1)); // within the minute: not yet in the figures
        using var csv = await client.GetAsync(new Uri("/console/board/scorecard.csv", UriKind.Relative));
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Matches(@"Số liệu tính lúc \d\d:\d\d \d\d/\d\d/\d{4}, cập nhật sau mỗi phút\.", html);
        var ward = text.Split('\n').Single(l => l.StartsWith("\"Phường Trần Phú\",\"\",", StringComparison.Ordinal)); // the ward's own line
        Assert.Equal("\"1\"", ward.Split(',')[2]);
    }

    [Fact]
    public async Task Extending_a_case_not_escalated_to_the_supervisor_gets_the_bots_refusal_and_changes_nothing()
    {
        await using var bed = await StartAsync(Settings());
        var id = await bed.CreateCaseAsync(at: DateTimeOffset.UtcNow.AddDays(-20));
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }
        var path = $"/console/board/cases/{id}";
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var due = (await bed.CaseAsync(id)).ResolveDueAt;

        using var extended = await PostFormAsync(client, path, html, new Dictionary<string, string> { ["ExtendReason"] = "Chờ vật tư" }, "extend");

        Assert.Equal(HttpStatusCode.Conflict, extended.StatusCode);
        Assert.Contains("Đồng chí không thể thực hiện thao tác này với phản ánh này.", await extended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(due, (await bed.CaseAsync(id)).ResolveDueAt);
    }

    [Fact]
    public async Task An_official_without_a_supervisor_post_cannot_open_the_board()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader))) { }

        using var board = await client.GetAsync(new Uri("/console/board", UriKind.Relative));
        using var csv = await client.GetAsync(new Uri("/console/board/overdue.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
    }
}
