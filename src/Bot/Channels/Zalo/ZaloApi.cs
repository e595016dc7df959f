using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// Calls of the OA API with the access token in header <c>access_token</c>. Zalo answers 200 with
/// <c>{error, message, data}</c>: a token it calls invalid or expired (−216, −220) is renewed once and the call repeated;
/// any other error ≠ 0 is thrown as <see cref="ZaloApiException"/> for the caller to classify. An HTTP error, a network
/// failure or an answer that is not Zalo's JSON is transient.
/// </summary>
internal sealed class ZaloApi(IHttpClientFactory httpClients, ZaloTokens tokens, IOptions<ZaloOptions> options)
{
    public const int InvalidToken = -216;
    public const int ExpiredToken = -220;

    /// <summary>POST /v3.0/oa/message/cs: a consultation message; returns Zalo's message id.</summary>
    public async Task<string?> SendMessageAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var data = await CallAsync(() => Json(HttpMethod.Post, Api("/v3.0/oa/message/cs"), body), cancellationToken).ConfigureAwait(false);
        return ZaloEventMapper.Str(data, "message_id");
    }

    /// <summary>POST /v2.0/oa/upload/image (multipart <c>file</c>, jpg/png up to 1 MB): returns the attachment id.</summary>
    public async Task<string> UploadImageAsync(byte[] content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var data = await CallAsync(() =>
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            var form = new MultipartFormDataContent { { file, "file", fileName } };
            return new HttpRequestMessage(HttpMethod.Post, Api("/v2.0/oa/upload/image")) { Content = form };
        }, cancellationToken).ConfigureAwait(false);
        return ZaloEventMapper.Str(data, "attachment_id")
            ?? throw new DeliveryException(DeliveryFailure.Transient, "Zalo accepted the image but named no attachment_id.");
    }

    /// <summary>POST {TemplateApiBaseUrl}/message/template: a pre-approved template message; returns Zalo's message id.</summary>
    public async Task<string?> SendTemplateAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var target = new Uri(new Uri(options.Value.TemplateApiBaseUrl), "/message/template");
        var data = await CallAsync(() => Json(HttpMethod.Post, target, body), cancellationToken).ConfigureAwait(false);
        return ZaloEventMapper.Str(data, "msg_id") ?? ZaloEventMapper.Str(data, "message_id");
    }

    /// <summary>Zalo's <c>data</c> object of a successful call (empty when it has none).</summary>
    private async Task<JsonObject> CallAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var token = await tokens.AccessTokenAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var answer = await SendAsync(build, token, cancellationToken).ConfigureAwait(false);
            var error = ZaloEventMapper.Str(answer, "error") is { } code && int.TryParse(code, out var e) ? e : 0;
            if (error == 0)
            {
                return answer["data"] as JsonObject ?? [];
            }

            if (error is InvalidToken or ExpiredToken && attempt == 1)
            {
                token = await tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new ZaloApiException(error, ZaloEventMapper.Str(answer, "message") ?? "no message");
        }
    }

    private async Task<JsonObject> SendAsync(Func<HttpRequestMessage> build, string token, CancellationToken cancellationToken)
    {
        using var request = build();
        request.Headers.Add("access_token", token);
        try
        {
            using var response = await httpClients.CreateClient(ZaloServiceCollectionExtensions.HttpClientName)
                .SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryException(DeliveryFailure.Transient, $"Zalo answered HTTP {(int)response.StatusCode}.");
            }

            return ParseObject(text) ?? throw new DeliveryException(DeliveryFailure.Transient, "Zalo answered something that is not its JSON.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException(DeliveryFailure.Transient, $"Zalo could not be reached: {ex.Message}", inner: ex);
        }
    }

    internal static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Uri Api(string path) => new(new Uri(options.Value.ApiBaseUrl), path);

    private static HttpRequestMessage Json(HttpMethod method, Uri target, JsonObject body) =>
        new(method, target) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}

/// <summary>Zalo refused a call with an error code (its answer was 200 with <c>error ≠ 0</c>).</summary>
internal sealed class ZaloApiException(int error, string message) : Exception($"Zalo error {error}: {message}")
{
    public int Error { get; } = error;
}
