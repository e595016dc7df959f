using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ResidentBot.Intake.Bench;

/// <summary>Posts Telegram update JSON to the host's webhook with the secret header; counts what it answered.</summary>
internal sealed class Webhook(Func<Uri> url) : IDisposable
{
    private static long nextUpdateId = 1_000;
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private long ok;
    private long serverErrors;
    private long failures;

    public long Ok => Interlocked.Read(ref ok);

    public long ServerErrors => Interlocked.Read(ref serverErrors);

    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Update ids answered 200 (the fault runs check each was handled exactly once).</summary>
    public HashSet<string> Accepted { get; } = [];

    public static int NextUpdateId() => (int)Interlocked.Increment(ref nextUpdateId);

    public async Task<HttpStatusCode?> PostAsync(JsonObject update, CancellationToken ct) =>
        await PostRawAsync(update.ToJsonString(), ct, update["update_id"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// How many times a post that got no answer (connection refused or reset: a host that died) is tried again, each on
    /// the next address <c>url</c> gives, as a load balancer in front of several hosts does (and Telegram, which redelivers).
    /// </summary>
    public int Retries { get; init; }

    public async Task<HttpStatusCode?> PostRawAsync(string body, CancellationToken ct, string? updateId = null, bool secret = true)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answered = await PostOnceAsync(body, ct, updateId, secret, last: attempt >= Retries);
            if (answered is not null || attempt >= Retries)
            {
                return answered;
            }
        }
    }

    private async Task<HttpStatusCode?> PostOnceAsync(string body, CancellationToken ct, string? updateId, bool secret, bool last)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url()) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotHost.Secret);
        }

        // Stopping the traffic sends nothing new but lets a post already on the wire finish (bounded by the client's
        // timeout): a post cancelled mid-flight may still have reached the inbox, and the host, not knowing the driver
        // gave up, handles it after the drain has looked; the consistency checks would then count it as not handled.
        ct.ThrowIfCancellationRequested();
        try
        {
            using var response = await http.SendAsync(request, CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref ok);
                if (updateId is not null)
                {
                    lock (Accepted)
                    {
                        Accepted.Add(updateId);
                    }
                }
            }
            else if ((int)response.StatusCode >= 500)
            {
                Interlocked.Increment(ref serverErrors);
            }

            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            if (last)
            {
                Interlocked.Increment(ref failures);
            }

            return null;
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>Telegram update JSON for private chats (chat id = user id).</summary>
internal static class Updates
{
    public static JsonObject Text(long user, string text, int messageId, bool command = false, int? replyTo = null)
    {
        var message = Message(user, messageId, text);
        if (command)
        {
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length });
        }

        if (replyTo is { } id)
        {
            message["reply_to_message"] = Message(123456, id, "card");
            message["reply_to_message"]!["chat"] = Chat(user);
        }

        return new JsonObject { ["update_id"] = Webhook.NextUpdateId(), ["message"] = message };
    }

    public static JsonObject Callback(long user, string data, int messageId, string callbackId)
    {
        var message = Message(123456, messageId, "…");
        message["chat"] = Chat(user);
        return new JsonObject
        {
            ["update_id"] = Webhook.NextUpdateId(),
            ["callback_query"] = new JsonObject
            {
                ["id"] = callbackId, ["from"] = User(user), ["message"] = message, ["chat_instance"] = "bench", ["data"] = data,
            },
        };
    }

    private static JsonObject Message(long from, int messageId, string text) => new()
    {
        ["message_id"] = messageId,
        ["from"] = User(from),
        ["chat"] = Chat(from),
        ["date"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
        ["text"] = text,
    };

    private static JsonObject User(long id) =>
        new() { ["id"] = id, ["is_bot"] = id == 123456, ["first_name"] = "Lan", ["language_code"] = "vi" };

    private static JsonObject Chat(long id) => new() { ["id"] = id, ["type"] = "private", ["first_name"] = "Lan" };
}

/// <summary>Latencies in milliseconds, collected while a phase measures.</summary>
internal sealed class Latencies
{
    private readonly List<double> values = [];

    public void Add(long startTimestamp, long endTimestamp)
    {
        var ms = Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds;
        lock (values)
        {
            values.Add(ms);
        }
    }

    public int Count
    {
        get
        {
            lock (values)
            {
                return values.Count;
            }
        }
    }

    public double Percentile(double p)
    {
        lock (values)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            values.Sort();
            return values[Math.Min(values.Count - 1, (int)Math.Ceiling(p / 100 * values.Count) - 1)];
        }
    }
}
