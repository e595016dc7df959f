using System.Diagnostics;
using System.Globalization;

namespace ResidentBot.Intake.Bench;

/// <summary>
/// Software counters of one process over a window, from <c>perf stat -p PID -- sleep S</c>: CPU time, context switches
/// and page faults. This VM exposes no hardware counters (perf stat reports instructions and cycles "not supported"),
/// so CPU time is the figure, and the switch and fault counts beside it do not drift with the machine's speed.
/// </summary>
internal sealed class PerfStat
{
    private readonly Process process;

    private PerfStat(Process process) => this.process = process;

    public static PerfStat? Start(int pid, TimeSpan window)
    {
        var info = new ProcessStartInfo("perf",
            ["stat", "-x", ",", "-e", "task-clock,context-switches,page-faults", "-p", pid.ToString(CultureInfo.InvariantCulture),
             "--", "sleep", window.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        try
        {
            return new PerfStat(Process.Start(info) ?? throw new InvalidOperationException("perf did not start"));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("  (perf is not installed: apt-get install linux-perf; only /proc CPU time is measured)");
            return null;
        }
    }

    /// <summary>Waits for the window to end; the counters by event name (task-clock in milliseconds).</summary>
    public async Task<Dictionary<string, double>> StopAsync(CancellationToken ct)
    {
        var text = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            // CSV: value,unit,event,run time,percentage,...
            var f = line.Split(',');
            if (f.Length >= 3 && double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                counters[f[2].Trim()] = value;
            }
        }

        return counters;
    }
}
