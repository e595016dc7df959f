using System.Globalization;

namespace ResidentBot.Intake.Bench;

/// <summary>CPU seconds (user + system) of a set of processes, from /proc/&lt;pid&gt;/stat, between Start and Stop.</summary>
internal sealed class CpuMeter(Func<IEnumerable<int>> processes)
{
    // USER_HZ: the unit of utime/stime in /proc, 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;
    private Dictionary<int, long> started = [];

    public void Start() => started = Sample();

    /// <summary>CPU seconds since Start of the processes alive now (a process that ended meanwhile counts from 0 if new).</summary>
    public double Stop() => Sample().Sum(p => p.Value - started.GetValueOrDefault(p.Key)) / TicksPerSecond;

    public static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Fields(pid) is { } fields && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                yield return pid;
            }
        }
    }

    private Dictionary<int, long> Sample()
    {
        var ticks = new Dictionary<int, long>();
        foreach (var pid in processes())
        {
            if (Fields(pid) is { } f)
            {
                ticks[pid] = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            }
        }

        return ticks;
    }

    // The fields after "(comm)", which may itself contain spaces: state, ppid, … utime is the 12th of them, stime the 13th.
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
