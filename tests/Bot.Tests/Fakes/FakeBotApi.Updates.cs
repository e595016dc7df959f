using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes;

public sealed partial class FakeBotApi
{
    private readonly List<JsonObject> _pendingUpdates = [];
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 1000;
    private string? _webhookUrl;

    /// <summary>The webhook URL last set (null after deleteWebhook); while set, getUpdates answers 409 like Telegram.</summary>
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

    /// <summary>Queues an update for getUpdates, giving it the next update_id, which it returns.</summary>
    public int EnqueueUpdate(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        TaskCompletionSource arrived;
        int id;
        lock (_gate)
        {
            id = ++_nextUpdateId;
            update["update_id"] = id;
            _pendingUpdates.Add(update);
            StartedBy(update);
            arrived = _updateArrived;
            _updateArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        return id;
    }

    private async Task<(int, JsonNode)> GetUpdatesAsync(FakeBotApiCall call, CancellationToken aborted)
    {
        var offset = call.Long("offset");
        var limit = (int)(call.Long("limit") ?? 100);
        var timeout = TimeSpan.FromSeconds(call.Long("timeout") ?? 0);
        var deadline = Time.GetUtcNow() + timeout;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_webhookUrl is not null)
                {
                    return (409, new FakeFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first").ToJson());
                }

                if (offset is { } confirmed)
                {
                    _pendingUpdates.RemoveAll(u => (int)u["update_id"]! < confirmed);
                }

                if (_pendingUpdates.Count > 0)
                {
                    return Ok(new JsonArray([.. _pendingUpdates.Take(limit).Select(u => u.DeepClone())]));
                }

                arrived = _updateArrived.Task;
            }

            var left = deadline - Time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return Ok(new JsonArray());
            }

            try
            {
                await arrived.WaitAsync(left, Time, aborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return Ok(new JsonArray());
            }
        }
    }

    private (int, JsonNode) SetWebhook(FakeBotApiCall call)
    {
        lock (_gate)
        {
            _webhookUrl = call.String("url") is { Length: > 0 } url ? url : null;
        }

        return Ok(true);
    }

    private (int, JsonNode) DeleteWebhook()
    {
        lock (_gate)
        {
            _webhookUrl = null;
        }

        return Ok(true);
    }
}
