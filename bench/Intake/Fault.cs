using System.Diagnostics;

namespace ResidentBot.Intake.Bench;

internal static partial class Scenarios
{
    /// <summary>
    /// kill -9 the host in the middle of an intake run and restart it, several times; then every update answered
    /// 200 must be handled once, every confirmed report must be one case, and every reply must be out.
    /// </summary>
    public static async Task FaultAsync(BenchOptions o, Report report, CancellationToken ct)
    {
        Console.WriteLine("fault (kill -9 during intake):");
        var paths = BenchPaths.Create("fault");
        await using var api = await FakeApi.StartAsync(ct);
        var officials = await PrepareAsync(paths, api, 0, ct);
        var host = await BotHost.StartAsync(paths, api.BaseUrl, IntakeRun.HostSettings(), ct);
        using var webhook = new Webhook(() => host.Webhook);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var traffic = new Traffic(api, webhook, stop.Token);
        var running = Task.WhenAll(traffic.RunResidentsAsync(Math.Min(o.Residents, 50), 300_000), traffic.RunOfficialsAsync(officials));
        for (var kill = 1; kill <= o.Kills; kill++)
        {
            await Task.Delay(o.Measure / 2, ct);
            var pid = host.Pid;
            host.Kill();
            host.Dispose();
            Console.WriteLine($"  kill -9 #{kill} (pid {pid}) after {webhook.Ok} updates answered 200; restarting");
            host = await BotHost.StartAsync(paths, api.BaseUrl, IntakeRun.HostSettings(), ct);
        }

        await Task.Delay(o.Measure / 2, ct);
        await stop.CancelAsync();
        await running;
        await new IntakeRun(o, api, paths, officials).DrainAsync(ct);
        await CheckIntakeConsistencyAsync(paths, webhook, report, "fault");
        CheckCasesAndReplies(paths, api, report, "fault");
        report.Add($"fault: kill -9 and restart during intake × {o.Kills}", $"{webhook.Accepted.Count} updates answered 200, {traffic.Reports} reports completed",
            "0 lost, 0 duplicated");
        host.Dispose();
    }

    /// <summary>One case per handled confirm press, no pending reply, and how many replies were re-sent after a crash.</summary>
    internal static void CheckCasesAndReplies(BenchPaths paths, FakeApi api, Report report, string name)
    {
        using var c = paths.Store.Open();
        var confirms = BenchDb.Scalar(c, "SELECT COUNT(*) FROM \"InboxEntries\" WHERE \"Status\"='Handled' AND \"Payload\" LIKE '%\"r.ok:%' AND \"Payload\" NOT LIKE '%\"chatId\":\"6000%'");
        var cases = BenchDb.Scalar(c, "SELECT COUNT(*) FROM \"Cases\" WHERE \"Description\" <> 'bulk'");
        var pending = BenchDb.Scalar(c, "SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Status\" <> 'Sent'");
        var sentRows = BenchDb.Scalar(c, "SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Status\" = 'Sent'");
        var resent = api.Deliveries - sentRows;
        Console.WriteLine($"  {name}: confirm presses handled {confirms}, cases {cases}, replies not sent {pending}, " +
            $"messages delivered {api.Deliveries} for {sentRows} sent rows (re-sent after a crash: {resent})");
        report.Add($"{name}: cases vs confirm presses; replies unsent; replies re-sent (at-least-once window)", $"{cases} / {confirms}; {pending}; {resent}", "equal; 0; —");
        if (cases != confirms || pending > 0)
        {
            report.Problem($"{name}: {cases} cases for {confirms} confirm presses, {pending} replies not sent");
        }
    }
}
