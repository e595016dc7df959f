namespace ResidentBot.Intake.Bench;

internal static partial class Scenarios
{
    /// <summary>
    /// Three hosts on PostgreSQL with production pacing, the fake API enforcing Telegram's limits; the host that sends
    /// Telegram's outbox is killed (kill -9) mid-run and restarted. Then: nothing lost or duplicated, chats in order,
    /// no 429, and how many messages went out twice (those in flight when it died).
    /// </summary>
    private static async Task ClusterKillAsync(BenchOptions o, Report report, ThrowawayPostgres pg, CancellationToken ct)
    {
        const string Name = "pg-kill-3";
        var paths = await ClusterPathsAsync(Name, pg, ct);
        await using var api = await FakeApi.StartAsync(ct);
        var officials = await PrepareAsync(paths, api, 0, ct);
        CommitOrder.Install(paths);
        api.EnforceLimits = true;
        var settings = new Dictionary<string, string> { ["Outbox__PollInterval"] = "00:00:00.100" };
        var hosts = new List<BotHost>();
        for (var i = 0; i < 3; i++)
        {
            hosts.Add(await BotHost.StartAsync(paths, api.BaseUrl, settings, ct));
        }

        using var webhook = RoundRobin(hosts);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var traffic = new Traffic(api, webhook, stop.Token);
        var running = Task.WhenAll(traffic.RunResidentsAsync(Math.Min(o.Residents, 50), 400_000), traffic.RunOfficialsAsync(officials));
        await Task.Delay(o.Measure / 2, ct);
        var victim = SenderOf(paths, hosts) ?? hosts[1];
        var at = hosts.IndexOf(victim);
        victim.Kill();
        Console.WriteLine($"  {Name}: kill -9 of the host sending Telegram's outbox (pid {victim.Pid}) after {webhook.Ok} updates answered 200; restarting it");
        hosts[at] = await BotHost.StartAsync(paths, api.BaseUrl, settings, ct);
        victim.Dispose();
        await Task.Delay(o.Measure / 2, ct);
        await stop.CancelAsync();
        await running;
        await new IntakeRun(o, api, paths, officials).DrainAsync(ct);
        await CheckIntakeConsistencyAsync(paths, webhook, report, Name);
        CheckCasesAndReplies(paths, api, report, Name);
        CheckOrder(paths, report, Name);
        report.Add($"{Name}: kill -9 of the sending host of 3 mid-run, restarted", $"{webhook.Accepted.Count} updates answered 200, {traffic.Reports} reports, {api.TooMany} × 429",
            "0 lost, 0 duplicated, 0 × 429");
        if (api.TooMany > 0)
        {
            report.Problem($"{Name}: the fake API answered 429 {api.TooMany} times across hosts ({api.TooManyWhy})");
        }

        hosts.ForEach(h => h.Dispose());
    }

    /// <summary>The host holding Telegram's sending lease (its node name carries its process id).</summary>
    private static BotHost? SenderOf(BenchPaths paths, List<BotHost> hosts)
    {
        using var c = paths.Store.Open();
        using var q = c.CreateCommand();
        q.CommandText = """SELECT "Holder" FROM "ClusterLeases" WHERE "Name" = 'outbox:telegram'""";
        var holder = q.ExecuteScalar() as string;
        return hosts.FirstOrDefault(h => holder?.Split('/') is [_, var pid, _] && pid == h.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
