using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// The streamUrl WebSocket: pushes <c>{activities, watermark}</c> sets from the watermark on, and an empty text
/// frame as keep-alive (the client ignores empty frames and sends its own empty pings, which we read and drop).
/// </summary>
internal static class DirectLineStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(DirectLineConversationEndpoints.Prefix + "/conversations/{conversationId}/stream", StreamAsync)
            .RequireRateLimiting(WebChatRateLimits.Reads).ExcludeFromDescription();

    private static async Task<IResult> StreamAsync(HttpContext http, string conversationId, string? watermark, string? t,
        WebChatKey key, WebChatTokens tokens, WebChatLog log, WebChatHub hub, WebChatOrigins origins, WebChatSockets sockets,
        IHostApplicationLifetime lifetime)
    {
        // CORS does not apply to WebSocket upgrades: a page of any origin could open one, so the origin is checked here.
        if (!origins.Allows(http.Request))
        {
            return DirectLineErrors.Forbidden("BadArgument", "This origin may not open the stream.");
        }

        if (DirectLineCaller.From(http.Request, key, tokens, out var refusal, t) is not { } caller)
        {
            return refusal!;
        }

        if (!caller.Reaches(conversationId))
        {
            return DirectLineErrors.NotThisConversation();
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadRequest("This is a WebSocket endpoint.");
        }

        using var lease = sockets.TryOpen(conversationId, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease is null)
        {
            return DirectLineErrors.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many open streams; close one first.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var receiving = DrainAsync(socket, stop);
        try
        {
            await PushAsync(socket, conversationId, watermark, DirectLineConversationEndpoints.Origin(http.Request), log, hub, stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the host is stopping; a client reconnects with its watermark.
        }

        // Released before our close frame goes out, so a client that saw the close may open its next stream at once.
        lease.Dispose();
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await stop.CancelAsync();
        await receiving;
        return Results.Empty;
    }

    private static async Task PushAsync(WebSocket socket, string conversationId, string? watermark, string origin, WebChatLog log, WebChatHub hub, CancellationToken ct)
    {
        using var subscription = hub.Subscribe(conversationId);
        var sent = watermark;
        while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var set = await log.ReadAsync(conversationId, sent, ct);
            if (set.Activities.Count > 0)
            {
                await SendAsync(socket, set.ToJson(origin).ToJsonString(), ct);
                sent = set.Watermark;
                continue;
            }

            await subscription.WaitAsync(KeepAlive, ct);
            if ((await log.ReadAsync(conversationId, sent, ct)).Activities.Count == 0)
            {
                await SendAsync(socket, string.Empty, ct);
            }
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);

    /// <summary>Reads (and drops) the client's pings until it closes, then stops the pushing loop.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }

        await stop.CancelAsync();
    }
}
