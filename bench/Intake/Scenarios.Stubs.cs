namespace ResidentBot.Intake.Bench;

internal static partial class Scenarios
{
    public static Task DeliveryAsync(BenchOptions o, Report report, CancellationToken ct) => Task.CompletedTask;
    public static Task FaultAsync(BenchOptions o, Report report, CancellationToken ct) => Task.CompletedTask;
    public static Task FuzzAsync(BenchOptions o, Report report, CancellationToken ct) => Task.CompletedTask;
    private static Task CeilingsAsync(BenchOptions o, Report report, BenchPaths paths, FakeApi api, double max, CancellationToken ct) => Task.CompletedTask;
}
