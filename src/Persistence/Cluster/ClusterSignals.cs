using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ResidentBot.Persistence.Cluster;

/// <summary>
/// Tells the other hosts on the database that something changed here (new outbox messages, a web chat activity, a new
/// directory), through PostgreSQL's LISTEN/NOTIFY; on SQLite (one host) there is nobody to tell. What a host hears is
/// handed to the handlers of its topic; what it published itself is not heard again. Notifications are a wake-up, never
/// the truth: a host that was not listening (its connection dropped) hears every topic once when it listens again, and
/// the loops that wait on them also poll.
/// </summary>
public sealed partial class ClusterSignals(DatabaseConnection database, ClusterNode node, ILogger<ClusterSignals> logger)
{
    private const string Channel = "residentbot";
    private const int MaxPayload = 7000; // PostgreSQL refuses payloads of 8,000 bytes or more
    private readonly ConcurrentDictionary<string, Action<string>> handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Topic, string Payload), byte> queued = new();
    private readonly SemaphoreSlim wake = new(0, 1);
    private static readonly TimeSpan BatchPause = TimeSpan.FromMilliseconds(10);

    /// <summary>Whether other hosts may be listening: false on SQLite.</summary>
    public bool Enabled => database.Provider == DatabaseProvider.PostgreSql;

    /// <summary>Runs <paramref name="handler"/> with the payload whenever another host publishes <paramref name="topic"/>.</summary>
    public void On(string topic, Action<string> handler) => handlers[topic] = handler;

    /// <summary>Queues a notification; what is queued twice before it goes out goes out once.</summary>
    public void Publish(string topic, string payload = "")
    {
        if (!Enabled || payload.Length > MaxPayload)
        {
            return;
        }

        if (queued.TryAdd((topic, payload), 0) && wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    /// <summary>Sends what was queued, a batch per round trip, until stopped.</summary>
    public async Task PublishLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            var batch = queued.Keys.ToList();
            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                await using var send = new NpgsqlBatch(connection);
                foreach (var (topic, payload) in batch)
                {
                    queued.TryRemove((topic, payload), out _);
                    var command = new NpgsqlBatchCommand("SELECT pg_notify(@c, @p)");
                    command.Parameters.AddWithValue("c", Channel);
                    command.Parameters.AddWithValue("p", $"{node.Id}|{topic}|{payload}");
                    send.BatchCommands.Add(command);
                }

                await send.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);

                // A busy host rings its signals hundreds of times a second: one batch per pause says it all.
                await Task.Delay(BatchPause, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                LogPublishFailed(ex);
            }
        }
    }

    /// <summary>Listens on one dedicated connection (Npgsql delivers notifications only to a waiting connection), reconnecting.</summary>
    public async Task ListenLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString)
                {
                    KeepAlive = 10,
                    Pooling = false,
                }.ConnectionString);
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                // Whatever was published while this host was not listening is unknown: every topic, once.
                foreach (var handler in handlers.Values)
                {
                    handler(string.Empty);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or System.IO.IOException)
            {
                LogListenFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Heard(string message)
    {
        var parts = message.Split('|', 3);
        if (parts.Length == 3 && parts[0] != node.Id && handlers.TryGetValue(parts[1], out var handler))
        {
            try
            {
                handler(parts[2]);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogHandlerFailed(ex, parts[1]);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the other hosts failed; they find the change at their next poll")]
    private partial void LogPublishFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening to the other hosts failed; listening again in a second")]
    private partial void LogListenFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the other hosts' {Topic} notification failed")]
    private partial void LogHandlerFailed(Exception ex, string topic);
}
