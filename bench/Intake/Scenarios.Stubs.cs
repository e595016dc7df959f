namespace ResidentBot.Intake.Bench;

internal static partial class Scenarios
{
    public static Task FaultAsync(BenchOptions o, Report report, CancellationToken ct) => Task.CompletedTask;
    public static Task FuzzAsync(BenchOptions o, Report report, CancellationToken ct) => Task.CompletedTask;
}
