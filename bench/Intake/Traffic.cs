using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ResidentBot.Intake.Bench;

/// <summary>
/// Simulated people: residents each complete whole report dialogues, reading signed buttons from what the fake
/// Bot API recorded; officials acknowledge every case card they get and reply to it.
/// </summary>
internal sealed class Traffic(FakeApi api, Webhook webhook, CancellationToken ct)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private long reports;
    private long abandoned;
    private long callbackSeq;

    /// <summary>When each next step may leave; none in the closed loop (every resident sends as soon as answered).</summary>
    public IArrivals? Arrivals { get; set; }

    public Latencies? Latencies { get; set; }

    /// <summary>The same latencies by dialogue step, to see which step makes the tail.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Latencies> ByStep { get; } = new();

    public long Reports => Interlocked.Read(ref reports);

    public long Abandoned => Interlocked.Read(ref abandoned);

    public Task RunResidentsAsync(int count, long firstUser) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => ResidentAsync(firstUser + i), CancellationToken.None)));

    public Task RunOfficialsAsync(IEnumerable<long> officials) =>
        Task.WhenAll(officials.Select(o => Task.Run(() => OfficialAsync(o), CancellationToken.None)));

    private async Task ResidentAsync(long user)
    {
        var messageId = 1;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await ReportOnceAsync(user, () => messageId++))
                {
                    Interlocked.Increment(ref reports);
                }
                else
                {
                    Interlocked.Increment(ref abandoned);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> ReportOnceAsync(long user, Func<int> nextMessageId)
    {
        var menu = await StepAsync(user, Updates.Text(user, "/phananh", nextMessageId(), command: true), c => Button(c, "Chiếu sáng") is not null);
        if (menu is null || !await PressAsync(user, menu, "Chiếu sáng", c => c.Method != "answerCallbackQuery"))
        {
            return false;
        }

        if (await StepAsync(user, Updates.Text(user, "phuong tran phu", nextMessageId()), c => c.Method != "answerCallbackQuery") is null)
        {
            return false;
        }

        var photos = await StepAsync(user, Updates.Text(user, $"Đèn đường trước số {user} ngõ 5 không sáng", nextMessageId()),
            c => Button(c, "Bỏ qua") is not null);
        if (photos is null)
        {
            return false;
        }

        var summary = await PressAndWaitAsync(user, photos, "Bỏ qua", c => Button(c, "Gửi") is not null);
        return summary is not null && await PressAsync(user, summary, "Gửi", c => c.Text?.Contains("HD-", StringComparison.Ordinal) == true);
    }

    private async Task<bool> PressAsync(long user, ApiCall from, string label, Func<ApiCall, bool> expect) =>
        await PressAndWaitAsync(user, from, label, expect) is not null;

    private Task<ApiCall?> PressAndWaitAsync(long user, ApiCall from, string label, Func<ApiCall, bool> expect)
    {
        var data = Button(from, label)!;
        var id = $"{user}:{Interlocked.Increment(ref callbackSeq)}";
        return StepAsync(user, Updates.Callback(user, data, from.MessageId, id), expect);
    }

    /// <summary>Sends one update; records POST→first reply; returns the reply the next step needs (null: gave up).</summary>
    private async Task<ApiCall?> StepAsync(long user, JsonObject update, Func<ApiCall, bool> expect)
    {
        if (Arrivals is { } arrivals)
        {
            await arrivals.WaitAsync(official: false, ct);
        }

        var log = api.Chat(user.ToString(CultureInfo.InvariantCulture));
        var before = log.Count;
        var start = Stopwatch.GetTimestamp();
        if (await webhook.PostAsync(update, ct) != System.Net.HttpStatusCode.OK)
        {
            return null;
        }

        var first = await log.WaitAsync(before, _ => true, StepTimeout, ct);
        if (first is not null && Latencies is { } all)
        {
            all.Add(start, first.At);
            ByStep.GetOrAdd(StepName(update), _ => new Latencies()).Add(start, first.At);
        }

        return first is null ? null : await log.WaitAsync(before, expect, StepTimeout, ct);
    }

    private async Task OfficialAsync(long official)
    {
        var log = api.Chat(official.ToString(CultureInfo.InvariantCulture));
        var seen = 0;
        var messageId = 1;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var card = await log.WaitAsync(seen, c => c.Method == "sendMessage" && Data(c, "o.ack:") is not null, TimeSpan.FromSeconds(1), ct);
                if (card is null)
                {
                    continue;
                }

                seen = log.Snapshot().IndexOf(card) + 1;
                var id = $"{official}:{Interlocked.Increment(ref callbackSeq)}";
                await StepAsync(official, Updates.Callback(official, Data(card, "o.ack:")!, card.MessageId, id), c => c.Method == "answerCallbackQuery");
                // The reply goes on to the resident; the official is not answered, so nothing to wait for.
                if (Arrivals is { } arrivals)
                {
                    await arrivals.WaitAsync(official: true, ct);
                }

                await webhook.PostAsync(Updates.Text(official, "Đã tiếp nhận, chiều nay đội điện lực sẽ thay bóng.", messageId++, replyTo: card.MessageId), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static string StepName(JsonObject update) =>
        update["callback_query"]?["data"]?.GetValue<string>().Split(':')[0]
        ?? (update["message"]?["text"]?.GetValue<string>() is { } text && text.StartsWith('/') ? text : "text");

    private static string? Button(ApiCall call, string label) => Buttons(call)
        .FirstOrDefault(b => ((string?)b["text"])?.Contains(label, StringComparison.Ordinal) == true)?["callback_data"]?.GetValue<string>();

    private static string? Data(ApiCall call, string prefix) => Buttons(call)
        .Select(b => (string?)b["callback_data"]).FirstOrDefault(d => d?.StartsWith(prefix, StringComparison.Ordinal) == true);

    private static IEnumerable<JsonObject> Buttons(ApiCall call) =>
        call.Keyboard?.OfType<JsonArray>().SelectMany(row => row.OfType<JsonObject>()) ?? [];
}

/// <summary>How a fixed offered load is spread over the simulated people.</summary>
internal interface IArrivals
{
    Task WaitAsync(bool official, CancellationToken ct);
}

/// <summary>
/// Lockstep: the n-th update may leave at n / rate seconds after the start, slots taken first come first served.
/// Residents who all need one slot per step take them in turn, so every resident is at the same dialogue step at
/// the same time: for a while all updates are case submissions, then all are the next step. A worst case for bursts
/// of one kind of turn, not how a population behaves.
/// </summary>
internal sealed class Pacer(double perSecond) : IArrivals
{
    private readonly long start = Stopwatch.GetTimestamp();
    private long sent;

    public async Task WaitAsync(bool official, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref sent);
        var wait = TimeSpan.FromSeconds(n / perSecond) - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }
}

/// <summary>
/// Independent people: before each step a resident thinks for a random time (exponential, mean residents / rate),
/// so the residents together send about <c>rate</c> updates a second as a Poisson stream, each at their own step.
/// Officials act as soon as a card reaches them.
/// </summary>
internal sealed class PoissonArrivals(double perSecond, int residents) : IArrivals
{
    private readonly double meanSeconds = residents / perSecond;

    public Task WaitAsync(bool official, CancellationToken ct) =>
        official ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(-meanSeconds * Math.Log(1 - Random.Shared.NextDouble())), ct);
}
