using ScottPlot;

namespace ResidentBot.Bot.Chase.Scorecard;

/// <summary>A bar chart of each ward's on-time resolution rate, written as PNG.</summary>
internal static class ScorecardChart
{
    public static string Write(IReadOnlyList<ScoreLine> wards, string path)
    {
        ArgumentNullException.ThrowIfNull(wards);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var plot = new Plot();
        var bars = wards.Select((w, i) => new Bar { Position = i, Value = Math.Round(w.OnTimeRate * 100, 1) }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. wards.Select((_, i) => (double)i)], [.. wards.Select(w => w.Ward)]);
        plot.Axes.Left.Label.Text = "%";
        plot.Axes.SetLimitsY(0, 100);
        plot.SavePng(path, 800, 450);
        return path;
    }
}
