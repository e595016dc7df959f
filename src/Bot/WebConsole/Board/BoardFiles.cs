using System.Globalization;
using System.Text;
using ResidentBot.Bot.Chase.Scorecard;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.WebConsole.Shell;
using ResidentBot.Bot.WebConsole.SignIn;
using ScottPlot;

namespace ResidentBot.Bot.WebConsole.Board;

/// <summary>
/// The board's downloads: the overdue list and the scorecard as CSV (UTF-8 with a byte-order mark, so a spreadsheet
/// reads the Vietnamese right), and the scorecard's chart as SVG drawn on the server with ScottPlot.
/// </summary>
internal static class BoardFiles
{
    public static void MapBoardFiles(this WebApplication app)
    {
        var board = app.MapGroup("/console/board")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ConsoleAuthentication.Scheme).RequireRole(ConsoleRoles.Supervisor));
        board.MapGet("/overdue.csv", async (HttpContext http, BoardData data, ConsoleText l) =>
        {
            var all = await data.PageAsync(ConsoleAuthentication.OfficialId(http.User)!.Value, 0, int.MaxValue, http.RequestAborted);
            var csv = new StringBuilder().AppendLine(Row(l["Console.Column.Code"], l["Console.Column.Area"], l["Console.Column.Official"], l["Console.Board.LateHours"], l["Console.Column.Level"]));
            foreach (var r in all.Rows)
            {
                csv.AppendLine(Row(r.TrackingCode, r.Ward, r.Official, Math.Round(r.Late.TotalHours, 1).ToString(CultureInfo.InvariantCulture), r.EscalationLevel.ToString(CultureInfo.InvariantCulture)));
            }

            return Csv(csv, "overdue.csv");
        }).ExcludeFromDescription();
        board.MapGet("/scorecard.csv", async (HttpContext http, BoardData data, BoardScorecards scorecards, ConsoleText l, DateOnly? from, DateOnly? to) =>
        {
            var lines = await LinesAsync(http, data, scorecards, from, to);
            var csv = new StringBuilder().AppendLine(Row(l["Console.Column.Area"], l["Console.Column.Official"], l["Console.Score.Received"],
                l["Console.Score.AcknowledgedOnTime"], l["Console.Score.ResolvedOnTime"], l["Console.Score.OnTimeRate"], l["Console.Score.MedianHours"], l["Console.Score.Rating"]));
            foreach (var s in lines)
            {
                csv.AppendLine(Row(s.Ward, s.Official ?? string.Empty, Number(s.Received), Number(s.AcknowledgedOnTime), Number(s.ResolvedOnTime),
                    Math.Round(s.OnTimeRate * 100, 1).ToString(CultureInfo.InvariantCulture),
                    s.MedianToResolve is { } m ? Math.Round(m.TotalHours, 1).ToString(CultureInfo.InvariantCulture) : string.Empty,
                    s.AverageRating is { } a ? Math.Round(a, 2).ToString(CultureInfo.InvariantCulture) : string.Empty));
            }

            return Csv(csv, "scorecard.csv");
        }).ExcludeFromDescription();
        board.MapGet("/scorecard.svg", async (HttpContext http, BoardData data, BoardScorecards scorecards, DateOnly? from, DateOnly? to) =>
        {
            var wards = (await LinesAsync(http, data, scorecards, from, to)).Where(l => l.Official is null).ToList();
            var plot = new Plot();
            plot.Add.Bars(wards.Select((w, i) => new Bar { Position = i, Value = Math.Round(w.OnTimeRate * 100, 1) }).ToList());
            plot.Axes.Bottom.SetTicks([.. wards.Select((_, i) => (double)i)], [.. wards.Select(w => w.Ward)]);
            plot.Axes.Left.Label.Text = "%";
            plot.Axes.SetLimitsY(0, 100);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Text(plot.GetSvgXml(Math.Max(480, 90 * wards.Count), 360), "image/svg+xml", Encoding.UTF8);
        }).ExcludeFromDescription();
    }

    private static async Task<IReadOnlyList<ScoreLine>> LinesAsync(HttpContext http, BoardData data, BoardScorecards scorecards, DateOnly? from, DateOnly? to)
    {
        var period = await data.PeriodAsync(from, to, http.RequestAborted);
        return (await scorecards.GetAsync(ConsoleAuthentication.OfficialId(http.User)!.Value, period.Start, period.End, http.RequestAborted)).Lines;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula.
    private static string Row(params string[] cells) => string.Join(',', cells.Select(c =>
    {
        var text = c is [('=' or '+' or '-' or '@'), ..] && !double.TryParse(c, CultureInfo.InvariantCulture, out _) ? "'" + c : c;
        return $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }));

    private static IResult Csv(StringBuilder csv, string name) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
}
