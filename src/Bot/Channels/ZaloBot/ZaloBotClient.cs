using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// Calls <c>{BaseUrl}/bot{Token}/{method}</c> with a JSON body (there is no .NET SDK). The URL carries the token, so
/// the HTTP client's own request logging is off (see the registration) and no URL is put in an exception.
/// </summary>
internal sealed class ZaloBotClient(IHttpClientFactory clients, IOptions<ZaloBotOptions> options)
{
    public const string HttpClientName = "zalobot";

    /// <summary>Calls the method and returns its <c>result</c> (null when the answer has none).</summary>
    /// <exception cref="ZaloBotApiException">The platform refused the call.</exception>
    /// <exception cref="HttpRequestException">No answer in the platform's shape (network, a proxy's page).</exception>
    public async Task<JsonElement?> CallAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = new Uri($"{settings.BaseUrl.TrimEnd('/')}/bot{settings.Token}/{method}");
        var http = clients.CreateClient(HttpClientName);
        using var response = await http.PostAsJsonAsync(url, parameters ?? new { }, ZaloBotWire.Json, cancellationToken).ConfigureAwait(false);
        ZaloBotResponse? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync<ZaloBotResponse>(ZaloBotWire.Json, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            answer = null;
        }

        if (answer is null)
        {
            throw new HttpRequestException($"Zalo Bot API {method} answered HTTP {(int)response.StatusCode} without its JSON.", null, response.StatusCode);
        }

        if (!answer.Ok)
        {
            var code = answer.ErrorCode ?? (int)response.StatusCode;
            throw new ZaloBotApiException(code, answer.Description ?? "(no description)", (int)response.StatusCode, RetryAfter(answer, response));
        }

        return answer.Result;
    }

    /// <summary>Calls the method and reads its result as <typeparamref name="T"/>.</summary>
    public async Task<T?> CallAsync<T>(string method, object? parameters, CancellationToken cancellationToken)
    {
        var result = await CallAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return result is { ValueKind: JsonValueKind.Object } json ? json.Deserialize<T>(ZaloBotWire.Json) : default;
    }

    private static TimeSpan? RetryAfter(ZaloBotResponse answer, HttpResponseMessage response) =>
        answer.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : response.Headers.RetryAfter?.Delta;
}
