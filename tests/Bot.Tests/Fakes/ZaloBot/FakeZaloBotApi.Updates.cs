using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes.ZaloBot;

public sealed partial class FakeZaloBotApi
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    private readonly Queue<JsonObject> _pending = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _webhookUrl;
    private string? _webhookSecret;

    /// <summary>The webhook URL last set (null after deleteWebhook); while set, getUpdates hands over nothing.</summary>
    public string? WebhookUrl
    {
        get
        {
            lock (_gate)
            {
                return _webhookUrl;
            }
        }
    }

    /// <summary>The secret last given to setWebhook.</summary>
    public string? WebhookSecret
    {
        get
        {
            lock (_gate)
            {
                return _webhookSecret;
            }
        }
    }

    /// <summary>Queues an event for getUpdates.</summary>
    public void Enqueue(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _pending.Enqueue(update);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    /// <summary>Events queued and not yet handed over.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Pushes an event to the webhook as the platform does: POST to the URL given to setWebhook, header
    /// <c>X-Bot-Api-Secret-Token</c> with the secret given there, body <c>{ok, result: event}</c>. The webhook URL is a
    /// public https address; <paramref name="host"/> carries the request to the host under test instead (same path).
    /// </summary>
    public async Task<HttpResponseMessage> DeliverAsync(JsonObject update, HttpClient host)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(host);
        var (url, secret) = (WebhookUrl ?? throw new InvalidOperationException("No webhook is set."), WebhookSecret!);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(url).PathAndQuery, UriKind.Relative))
        {
            Content = JsonContent.Create(Ok(update.DeepClone())),
        };
        request.Headers.Add(SecretHeader, secret);
        return await host.SendAsync(request).ConfigureAwait(false);
    }

    private async Task<JsonObject> GetUpdatesAsync(JsonObject parameters, CancellationToken aborted)
    {
        var seconds = double.TryParse(parameters["timeout"]?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 30;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_webhookUrl is not null)
                {
                    return Error(400, "getUpdates is not available while a webhook is set; call deleteWebhook first");
                }

                // One event per call, handed over once: the platform keeps no offset to confirm it with.
                if (_pending.TryDequeue(out var update))
                {
                    return Ok(update.DeepClone());
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                return Error(408, "Request timeout");
            }
        }
    }

    private (int, JsonObject, FakeZaloBotFetch?) SetWebhook(JsonObject parameters)
    {
        var url = parameters["url"]?.ToString();
        var secret = parameters["secret_token"]?.ToString();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return (400, Error(400, "url must be an HTTPS URL"), null);
        }

        if (secret is not { Length: >= 8 and <= 256 })
        {
            return (400, Error(400, "secret_token must be 8 to 256 characters"), null);
        }

        lock (_gate)
        {
            (_webhookUrl, _webhookSecret) = (url, secret);
        }

        return (200, Ok(WebhookInfo(clear: false)), null);
    }

    private JsonObject WebhookInfo(bool clear)
    {
        lock (_gate)
        {
            if (clear)
            {
                (_webhookUrl, _webhookSecret) = (null, null);
            }

            return new JsonObject { ["url"] = _webhookUrl ?? "", ["updated_at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        }
    }
}
