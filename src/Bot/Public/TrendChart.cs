using ResidentBot.Bot.Resources;
using ScottPlot;

namespace ResidentBot.Bot.Public;

/// <summary>
/// The 12-month trend as SVG, drawn by ScottPlot on the server like the weekly scorecard's chart: reports received each
/// month (bars, left axis) and the share resolved on time (line, right axis). The page gives the same figures as a table.
/// </summary>
internal static class TrendChart
{
    public static string Svg(IReadOnlyList<MonthResults> months, string language)
    {
        ArgumentNullException.ThrowIfNull(months);
        var plot = new Plot();
        var positions = months.Select((_, i) => (double)i).ToArray();
        var bars = plot.Add.Bars(positions, [.. months.Select(m => (double)m.Figures.Received)]);
        bars.LegendText = Texts.Get(language, "Public.Chart.Received");
        var onTime = months.Select((m, i) => (i, m.Figures.ResolvedOnTimeShare)).Where(p => p.ResolvedOnTimeShare is not null).ToList();
        if (onTime.Count > 0)
        {
            var line = plot.Add.Scatter(onTime.Select(p => (double)p.i).ToArray(), onTime.Select(p => Math.Round(p.ResolvedOnTimeShare!.Value * 100, 1)).ToArray());
            line.Axes.YAxis = plot.Axes.Right;
            line.LineWidth = 3;
            line.MarkerSize = 7;
            line.LegendText = Texts.Get(language, "Public.Chart.OnTime");
            plot.Axes.SetLimitsY(0, 100, plot.Axes.Right);
        }

        var culture = Texts.Culture(language);
        plot.Axes.Bottom.SetTicks(positions, [.. months.Select(m => m.Month.ToString("MM/yy", culture))]);
        plot.Axes.Left.Label.Text = Texts.Get(language, "Public.Chart.ReceivedAxis");
        plot.Axes.Right.Label.Text = "%";
        plot.Axes.SetLimitsY(0, Math.Max(1, months.Max(m => m.Figures.Received)) * 1.15, plot.Axes.Left);
        plot.ShowLegend(Alignment.UpperLeft);
        return Scalable(plot.GetSvgXml(800, 360));
    }

    // A viewBox lets the browser scale the chart to a phone's width (the page's CSS sets width: 100%).
    internal static string Scalable(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0 || svg.Contains("viewBox", StringComparison.Ordinal))
        {
            return svg;
        }

        return string.Concat(svg.AsSpan(0, start), "<svg viewBox=\"0 0 800 360\" preserveAspectRatio=\"xMidYMid meet\"", svg.AsSpan(start + 4));
    }
}
