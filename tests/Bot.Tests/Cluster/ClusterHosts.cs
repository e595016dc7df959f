using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Inbox;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Bot.Tests.Cluster;

/// <summary>
/// Several real hosts on one fresh PostgreSQL database, in webhook mode behind a "load balancer" (the test picks the
/// host for each update), sharing one fake Bot API, as a deployment of N hosts does.
/// </summary>
internal sealed class ClusterHosts : IAsyncDisposable
{
    public const string Secret = "cluster-secret_123";
    private readonly string connectionString;
    private readonly List<HttpClient> clients;
    private int next;

    private ClusterHosts(string connectionString, FakeBotApi api, List<BotTestHost> hosts)
    {
        this.connectionString = connectionString;
        Api = api;
        Hosts = hosts;
        clients = [.. hosts.Select(h => h.CreateClient())];
    }

    public FakeBotApi Api { get; }

    public IReadOnlyList<BotTestHost> Hosts { get; }

    /// <param name="time">One fake clock for every host, as the hosts of a deployment share the wall clock.</param>
    public static async Task<ClusterHosts> StartAsync(int count, IDictionary<string, string?>? extra = null, FakeTimeProvider? time = null)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(await MigratedTemplateAsync());
        var api = await FakeBotApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:ResidentBot"] = connectionString,
            ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/webhook",
            ["Telegram:SecretToken"] = Secret,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // Together, as hosts of a deployment start: one migrates and imports, the others wait for it.
        var hosts = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => BotTestHost.StartAsync(settings, time, api: api)));
        return new ClusterHosts(connectionString, api, [.. hosts]);
    }

    // Migrating takes seconds; PostgreSQL copies a migrated template in a fraction of that.
    private static Task<string> MigratedTemplateAsync() => PostgresServer.TemplateAsync("bot-host-migrated", async connectionString =>
    {
        await using var first = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:ResidentBot"] = connectionString,
            ["Telegram:BotToken"] = string.Empty,
        });
    });

    /// <summary>Posts the update to the next host in turn (round robin), as a load balancer would; true when answered 200.</summary>
    public async Task<bool> PostAsync(JsonObject update)
    {
        var client = clients[Interlocked.Increment(ref next) % clients.Count];
        using var response = await WebhookPosts.PostAsync(client, update.ToJsonString(), Secret);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>
    /// Reads from a fresh DbContext of the first host until <paramref name="done"/> holds: again after every commit of
    /// any host (each rings <see cref="Pulse.Anything"/>), and every 100 ms for changes no commit announces.
    /// </summary>
    public Task<T> WaitForAsync<T>(Func<Persistence.ResidentBotDbContext, CancellationToken, Task<T>> read, Func<T, bool> done, TimeSpan timeout) =>
        Pulse.Anything.UntilAsync(
            async ct =>
            {
                await using var db = Hosts[0].NewDbContext();
                return await read(db, ct);
            },
            done,
            timeout,
            TimeSpan.FromMilliseconds(100));

    public static string Chat(long id) => id.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }

        await PostgresServer.DropDatabaseAsync(connectionString);
    }
}
