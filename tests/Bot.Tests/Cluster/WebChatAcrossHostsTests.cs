using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Tests.Channels.WebChat;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Cluster;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Bot.Tests.Cluster;

/// <summary>The web chat and the directory with two hosts on one PostgreSQL database.</summary>
public sealed class WebChatAcrossHostsTests
{
    [SkippableFact]
    public async Task A_socket_on_one_host_gets_what_the_other_host_wrote_numbers_stay_one_sequence_and_a_directory_import_reaches_both()
    {
        Providers.SkipUnlessPostgresAvailable();
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:ResidentBot"] = connectionString };
        await using var a = await WebChatTestHost.StartAsync(settings: settings);
        await WaitUntilSendingAsync(a, "outbox:webchat"); // so the bot's replies are written by host a, never by b
        await using var b = await WebChatTestHost.StartAsync(settings: settings);
        using var atA = a.CreateClient();
        using var atB = b.CreateClient();
        var (conversation, token) = await a.NewTokenAsync(atA);
        using var started = await atA.SendAsync(WebChatTestHost.Request(HttpMethod.Post, "/v3/directline/conversations", token));
        var streamAtA = new Uri(JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(new Uri(b.BaseAddress.ToString().Replace("http", "ws", StringComparison.Ordinal)), streamAtA.PathAndQuery), CancellationToken.None);

        // Posted to host a, answered by host a, pushed to the socket host b holds — sooner than b's own 15 s look.
        using (await atA.SendAsync(WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token,
                   new { type = "message", from = new { id = "u" }, text = "/start" })))
        {
        }

        var pushed = await ReceiveBotActivityAsync(socket, TimeSpan.FromSeconds(8));
        Assert.Equal(conversation, (string?)pushed["conversation"]?["id"]);

        // Posts to both hosts at once (and the bot's answers): a reader sees one sequence of numbers, no gaps, no two alike.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var posted = await (i % 2 == 0 ? atA : atB).SendAsync(WebChatTestHost.Request(HttpMethod.Post,
                $"/v3/directline/conversations/{conversation}/activities", token, new { type = "message", from = new { id = "u" }, text = $"xin chào {i}" }));
            posted.EnsureSuccessStatusCode();
        }));
        await using (var db = b.NewDbContext())
        {
            var seqs = await db.WebChatActivities.Where(x => x.ConversationId == conversation).OrderBy(x => x.Seq).Select(x => x.Seq).ToListAsync();
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(n => (long)n), seqs);
        }

        // Reconnecting with a watermark at the other host gets exactly what came after it.
        using var read = await atB.SendAsync(WebChatTestHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark=2", token));
        var after = JsonNode.Parse(await read.Content.ReadAsStringAsync())!["activities"]!.AsArray();
        Assert.Equal($"{conversation}|0000003", (string?)after[0]!["id"]);

        // A directory imported on host a: host b's cached copy is dropped too.
        var loaderB = b.Services.GetRequiredService<DirectorySnapshotLoader>();
        Assert.Contains((await loaderB.GetAsync(CancellationToken.None)).Categories, c => c.NameVi == "Chiếu sáng công cộng");
        var changed = Path.Combine(a.Folder, "directory.json");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(RepositoryPaths.SampleDirectory)).Replace("Chiếu sáng công cộng", "Chiếu sáng đô thị", StringComparison.Ordinal));
        await using (var scope = a.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DirectoryImporter>().ImportAsync(changed, CancellationToken.None);
        }

        // Host b drops its copy on a notice from the database, which no commit of b announces: looked at on every pulse and every 100 ms.
        await Pulse.UntilAnyAsync(
            async () => (await loaderB.GetAsync(CancellationToken.None)).Categories.Any(c => c.NameVi == "Chiếu sáng đô thị"), TimeSpan.FromSeconds(10));

        await PostgresServer.DropDatabaseAsync(connectionString);
    }

    private static Task WaitUntilSendingAsync(WebChatTestHost host, string lease)
    {
        var node = host.Services.GetRequiredService<ClusterNode>().Id;
        return host.WaitForAsync((db, ct) => db.ClusterLeases.AnyAsync(l => l.Name == lease && l.Holder == node, ct), holds => holds);
    }

    private static async Task<JsonNode> ReceiveBotActivityAsync(ClientWebSocket socket, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                frame.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (frame.Length > 0 && JsonNode.Parse(frame.ToArray())!["activities"]!.AsArray().LastOrDefault(x => WebChatConversation.IsBot(x!.AsObject())) is { } bot)
            {
                return bot;
            }
        }
    }
}
