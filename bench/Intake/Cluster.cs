namespace ResidentBot.Intake.Bench;

/// <summary>
/// Several hosts on one PostgreSQL database behind the driver's round robin (as a load balancer would), beside one
/// host on SQLite in the same invocation: intake with 1 and 3 hosts, delivery with 3, and a host of 3 killed mid-run.
/// </summary>
internal static partial class Scenarios
{
    public static async Task ClusterAsync(BenchOptions o, Report report, CancellationToken ct)
    {
        Console.WriteLine("cluster:");
        await using var pg = await ThrowawayPostgres.StartAsync(BenchPaths.Create("cluster-root").Root, ct);
        var sqlite = await ClusterIntakeAsync(o, report, null, 1, ct);
        var one = await ClusterIntakeAsync(o, report, pg, 1, ct);
        await PostgresCeilingAsync(o, report, pg, one.HandledPerSecond, ct);
        var three = await ClusterIntakeAsync(o, report, pg, 3, ct);
        foreach (var (name, f) in new[] { ("SQLite, 1 host", sqlite), ("PostgreSQL, 1 host", one), ("PostgreSQL, 3 hosts", three) })
        {
            report.Add($"cluster intake, {name}: updates/s; complete reports/s (closed loop, max)", $"{f.HandledPerSecond:F0}; {f.ReportsPerSecond:F1}");
            report.Add($"cluster intake, {name}: CPU per handled update, hosts / database", $"{f.HostCpuPerUpdate * 1000:F2} / {f.DbCpuPerUpdate * 1000:F2} ms");
        }

        Project(report, three);
        // One host on PostgreSQL beside three, in the same run: what the cluster's lease costs delivery, load aside.
        await ClusterDeliveryAsync(o, report, pg, 1, ct);
        await ClusterDeliveryAsync(o, report, pg, 3, ct);
        await ClusterKillAsync(o, report, pg, ct);
    }

    /// <summary>One host on PostgreSQL and the database's storage ceiling for the same rows, in one run (issue 16's ratio).</summary>
    public static async Task PostgresOneHostAsync(BenchOptions o, Report report, CancellationToken ct)
    {
        Console.WriteLine("PostgreSQL, one host:");
        await using var pg = await ThrowawayPostgres.StartAsync(BenchPaths.Create("pg-one-root").Root, ct);
        var one = await ClusterIntakeAsync(o, report, pg, 1, ct);
        report.Add("intake, PostgreSQL, 1 host: updates/s; complete reports/s (closed loop, max)", $"{one.HandledPerSecond:F0}; {one.ReportsPerSecond:F1}");
        report.Add("intake, PostgreSQL, 1 host: CPU per handled update, host / database", $"{one.HostCpuPerUpdate * 1000:F2} / {one.DbCpuPerUpdate * 1000:F2} ms");
        await PostgresCeilingAsync(o, report, pg, one.HandledPerSecond, ct);
    }

    /// <summary>PostgreSQL's storage ceiling for the same rows (plain Npgsql, batched shape) in its own database, beside the one-host run.</summary>
    private static async Task PostgresCeilingAsync(BenchOptions o, Report report, ThrowawayPostgres pg, double oneHost, CancellationToken ct)
    {
        var paths = await ClusterPathsAsync("pg-ceiling", pg, ct);
        await using (var api = await FakeApi.StartAsync(ct))
        {
            await PrepareAsync(paths, api, 0, ct); // the product's schema, created by a first start of the host
        }

        var runs = new List<double>();
        for (var i = 0; i < o.Runs; i++)
        {
            runs.Add(await PostgresCeiling.MeasureAsync(paths.Store.ConnectionString, o.Measure, ct));
            Console.WriteLine($"  PostgreSQL storage ceiling run {i + 1}: {runs[^1]:F0} updates/s in groups of {PostgresCeiling.Batch}");
        }

        var ceiling = Report.Median(runs);
        report.Add($"storage ceiling, PostgreSQL: plain Npgsql, same rows, {PostgresCeiling.Batch} updates per transaction, updates/s", $"{ceiling:F0}");
        report.Add("intake, PostgreSQL, 1 host / PostgreSQL storage ceiling", $"{oneHost / ceiling:F3}", "≥ 0.5");
    }

    /// <summary>
    /// A projection, not a measurement: the CPU one update costs each side, turned into what N hosts and one database
    /// server of a given size would carry if CPU were the only limit (2 cores here cannot show it).
    /// </summary>
    private static void Project(Report report, LoadFigure measured)
    {
        const int HostCores = 4;
        const int DbCores = 16;
        var perHostCore = 1 / Math.Max(measured.HostCpuPerUpdate, 1e-6);
        var perDbCore = 1 / Math.Max(measured.DbCpuPerUpdate, 1e-6);
        foreach (var hosts in new[] { 2, 4, 8 })
        {
            var carried = Math.Min(hosts * HostCores * perHostCore, DbCores * perDbCore);
            report.Add($"PROJECTION (not measured): {hosts} hosts × {HostCores} cores, database server {DbCores} cores",
                $"≈ {carried:F0} updates/s ({(hosts * HostCores * perHostCore < DbCores * perDbCore ? "hosts" : "database")} bound)");
        }
    }

    private static async Task<LoadFigure> ClusterIntakeAsync(BenchOptions o, Report report, ThrowawayPostgres? pg, int count, CancellationToken ct)
    {
        var name = pg is null ? "sqlite-1" : $"pg-{count}";
        var paths = await ClusterPathsAsync(name, pg, ct);
        await using var api = await FakeApi.StartAsync(ct);
        var officials = await PrepareAsync(paths, api, 0, ct);
        CommitOrder.Install(paths);
        var hosts = new List<BotHost>();
        for (var i = 0; i < count; i++)
        {
            hosts.Add(await BotHost.StartAsync(paths, api.BaseUrl, IntakeRun.HostSettings(), ct));
        }

        try
        {
            using var webhook = RoundRobin(hosts);
            var run = new IntakeRun(o, api, paths, officials);
            var hostCpu = new CpuMeter(() => hosts.Select(h => h.Pid));
            var dbCpu = new CpuMeter(() => pg?.Processes() ?? []);
            if (!o.Quick)
            {
                await run.MeasureAsync(hosts[0], webhook, $"{name} warm-up (not counted)", 0, ct);
            }

            var runs = new List<LoadFigure>();
            for (var i = 0; i < o.Runs; i++)
            {
                runs.Add(await run.MeasureAsync(hosts[0], webhook, $"{name} max run {i + 1}", 0, ct, hostCpu: hostCpu, dbCpu: dbCpu));
            }

            await CheckIntakeConsistencyAsync(paths, webhook, report, name);
            CheckCasesAndReplies(paths, api, report, name);
            CheckOrder(paths, report, name);
            return new LoadFigure(name, 0, Report.Median(runs.Select(r => r.HandledPerSecond)), Report.Median(runs.Select(r => r.ReportsPerSecond)), 0, 0, 0, 0)
            {
                HostCpuPerUpdate = Report.Median(runs.Select(r => r.HostCpuPerUpdate)),
                DbCpuPerUpdate = Report.Median(runs.Select(r => r.DbCpuPerUpdate)),
            };
        }
        finally
        {
            hosts.ForEach(h => h.Dispose());
        }
    }

    /// <summary>The outbox with production pacing on 3 hosts: Telegram's limits hold for the bot, not per host.</summary>
    private static async Task ClusterDeliveryAsync(BenchOptions o, Report report, ThrowawayPostgres pg, int count, CancellationToken ct)
    {
        var paths = await ClusterPathsAsync($"pg-delivery-{count}", pg, ct);
        await using var api = await FakeApi.StartAsync(ct);
        await PrepareAsync(paths, api, 0, ct);
        var total = (int)(30 * (o.Warmup + o.Measure).TotalSeconds) + 300;
        api.EnforceLimits = true;
        var hosts = new List<BotHost>();
        for (var i = 0; i < count; i++)
        {
            hosts.Add(await BotHost.StartAsync(paths, api.BaseUrl, new Dictionary<string, string>(), ct));
        }

        // Queued once every host is up: queued before, the first host sent the queue while the others started (each
        // start takes seconds on 2 loaded cores) and the window measured its tail (the 7.2/s of the first run, and
        // 0/s in a later one). The holder finds them at its next poll.
        QueueMessages(paths.Store, total, chats: 200);
        await Task.Delay(o.Warmup, ct);
        var (sends, refused) = (api.Sends, api.TooMany);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(o.Measure, ct);
        var rate = (api.Sends - sends) / watch.Elapsed.TotalSeconds;
        if (api.Sends >= total)
        {
            report.Problem($"cluster delivery, {count} hosts: the queue ran dry before the window ended; the rate is too low");
        }

        hosts.ForEach(h => h.Dispose());
        // Each time a host (re)gains the channel's lease it logs so: more takes than hosts means the lease lapsed mid-run.
        var takes = hosts.Sum(h => File.ReadLines(h.LogPath).Count(l => l.Contains("This host now sends the outbox of", StringComparison.Ordinal)));
        Console.WriteLine($"  pg-delivery-{count}: {rate:F1} messages/s sustained by {count} hosts, {api.TooMany - refused} × 429 in steady state ({api.TooMany} in all), "
            + $"Telegram's sending lease taken {takes} times");
        report.Add($"cluster delivery, PostgreSQL, {count} hosts: times the sending lease was taken (1 = never lapsed)", $"{takes}");
        report.Add($"cluster delivery, PostgreSQL, {count} hosts: messages/s (30/s and 1/s per chat enforced by the fake API); 429s (steady / all)",
            $"{rate:F1}; {api.TooMany - refused} / {api.TooMany}", "≈ one host's; 0");
        if (api.TooMany > 0)
        {
            report.Problem($"cluster delivery: the fake API answered 429 {api.TooMany} times ({api.TooManyWhy}): a limit was exceeded");
        }
    }

    private static async Task<BenchPaths> ClusterPathsAsync(string name, ThrowawayPostgres? pg, CancellationToken ct)
    {
        var paths = BenchPaths.Create(name);
        return pg is null ? paths : paths with { Store = new BenchStore(true, await pg.CreateDatabaseAsync(name.Replace('-', '_'), ct)) };
    }

    /// <summary>The driver as a load balancer: each post to the next host; a host that does not answer, the next one.</summary>
    private static Webhook RoundRobin(IReadOnlyList<BotHost> hosts)
    {
        var next = 0;
        return new Webhook(() => hosts[(int)((uint)Interlocked.Increment(ref next) % hosts.Count)].Webhook) { Retries = hosts.Count - 1 };
    }

    /// <summary>Each chat's updates handled in the order they arrived, and its messages sent in the order they were queued.</summary>
    internal static void CheckOrder(BenchPaths paths, Report report, string name)
    {
        using var c = paths.Store.Open();
        var inbox = BenchDb.Scalar(c, """
            SELECT COUNT(*) FROM (SELECT "HandledAt", LAG("HandledAt") OVER (PARTITION BY "ChatKey" ORDER BY "Id") AS "Before"
                                  FROM "InboxEntries" WHERE "Status" = 'Handled' AND "ChatKey" <> '') AS t
            WHERE "Before" > "HandledAt"
            """);
        var (outbox, byCommit, byId) = CommitOrder.SentOutOfOrder(paths);
        Console.WriteLine($"  {name}: updates handled out of their chat's order {inbox}, messages sent out of their chat's order {outbox} "
            + $"(sent before a message their transaction had seen committed; for comparison {byCommit} by commit time and {byId} by id, "
            + "orders that overlapping transactions on several hosts do not have)");
        if (inbox > 0 || outbox > 0)
        {
            report.Problem($"{name}: {inbox} updates handled and {outbox} messages sent out of their chat's order");
        }
    }
}
