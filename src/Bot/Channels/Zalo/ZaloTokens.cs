using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// The OA's access token. One refresh runs at a time: callers that find the token expired or refused wait for it
/// and then use its result, so concurrent senders cause a single refresh (Zalo's refresh token is single-use: a second
/// refresh with the same one would fail). Each new pair is stored before its access token is used. The configured
/// <see cref="ZaloOptions.RefreshToken"/> only starts the chain, until the database holds a pair.
/// </summary>
internal sealed partial class ZaloTokens(
    ZaloTokenStore store,
    IHttpClientFactory httpClients,
    IOptions<ZaloOptions> options,
    ZaloHealth health,
    TimeProvider time,
    ILogger<ZaloTokens> logger)
{
    /// <summary>A token this close to its end is replaced before use, so it does not expire in flight.</summary>
    internal static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    /// <summary>After a failed refresh, senders fail fast for this long instead of each asking OAuth again.</summary>
    internal static readonly TimeSpan FailedRefreshPause = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private ZaloTokenPair? current;
    private ZaloTokenPair? unsaved;
    private DateTimeOffset? failedAt;

    /// <summary>A token to call the API with: the one in hand while it lasts, else the stored one, else a new one.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var pair = Volatile.Read(ref current);
        return pair is not null && IsFresh(pair) ? pair.AccessToken : await RefreshAsync(pair?.AccessToken, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Zalo refused <paramref name="rejected"/> (invalid or expired): a new token, unless another caller already got one.</summary>
    public Task<string> RenewAsync(string rejected, CancellationToken cancellationToken) => RefreshAsync(rejected, cancellationToken);

    private async Task<string> RefreshAsync(string? stale, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is { } got && got.AccessToken != stale && IsFresh(got))
            {
                return got.AccessToken;
            }

            // A pair Zalo gave but the database did not take: the old refresh token is spent, so only this pair works.
            if (unsaved is { } pending)
            {
                return await KeepAsync(pending, cancellationToken).ConfigureAwait(false);
            }

            // The first use after a start, or another node rotated the pair: the stored pair is the newest.
            var stored = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.AccessToken != stale && IsFresh(stored))
            {
                current = stored;
                return stored.AccessToken;
            }

            if (failedAt is { } failed && time.GetUtcNow() - failed < FailedRefreshPause)
            {
                throw new DeliveryException(DeliveryFailure.Transient, $"Zalo token refresh failed {time.GetUtcNow() - failed:g} ago: {health.Problem}");
            }

            var refreshToken = stored?.RefreshToken ?? options.Value.RefreshToken;
            if (string.IsNullOrWhiteSpace(refreshToken))
            {
                throw new ZaloRefreshException("no refresh token: set Zalo__RefreshToken to the one the OA's authorization gave");
            }

            unsaved = await RequestAsync(refreshToken, cancellationToken).ConfigureAwait(false);
            return await KeepAsync(unsaved, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DeliveryException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // Refused by OAuth, OAuth unreachable, or the database could not store the new pair.
            failedAt = time.GetUtcNow();
            health.RefreshFailed(ex.Message, failedAt.Value);
            LogRefreshFailed(ex, ex.Message);
            throw new DeliveryException(DeliveryFailure.Transient, $"Zalo token refresh failed: {ex.Message}", inner: ex);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stores the new pair, and only then hands out its access token.</summary>
    private async Task<string> KeepAsync(ZaloTokenPair pair, CancellationToken cancellationToken)
    {
        await store.SaveAsync(pair, cancellationToken).ConfigureAwait(false);
        unsaved = null;
        Volatile.Write(ref current, pair);
        failedAt = null;
        health.Refreshed();
        LogRefreshed(pair.ExpiresAt);
        return pair.AccessToken;
    }

    /// <summary>POST {OAuthBaseUrl}/v4/oa/access_token with the app's secret; Zalo answers 200 with an error for a refused refresh.</summary>
    private async Task<ZaloTokenPair> RequestAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.OAuthBaseUrl), "/v4/oa/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["app_id"] = settings.AppId!,
                ["refresh_token"] = refreshToken,
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.Add("secret_key", settings.AppSecret);
        using var response = await httpClients.CreateClient(ZaloServiceCollectionExtensions.HttpClientName)
            .SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ZaloRefreshException($"OAuth answered HTTP {(int)response.StatusCode}");
        }

        var body = ZaloApi.ParseObject(text) ?? throw new ZaloRefreshException("OAuth answered something that is not JSON");
        var access = ZaloEventMapper.Str(body, "access_token");
        var next = ZaloEventMapper.Str(body, "refresh_token");
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(next))
        {
            var error = ZaloEventMapper.Str(body, "error") ?? "?";
            var reason = ZaloEventMapper.Str(body, "error_description") ?? ZaloEventMapper.Str(body, "error_name") ?? ZaloEventMapper.Str(body, "message");
            throw new ZaloRefreshException($"OAuth refused the refresh token (error {error}: {reason})");
        }

        // expires_in is a string of seconds; without one, assume the documented 25 hours.
        var seconds = long.TryParse(ZaloEventMapper.Str(body, "expires_in"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 90_000;
        return new ZaloTokenPair(access, next, time.GetUtcNow().AddSeconds(seconds));
    }

    private bool IsFresh(ZaloTokenPair pair) => pair.ExpiresAt - RefreshAhead > time.GetUtcNow();

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo access token refreshed; it lasts until {ExpiresAt:u}")]
    private partial void LogRefreshed(DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo token refresh failed: {Reason}. Messages to Zalo wait until it works; see /healthz")]
    private partial void LogRefreshFailed(Exception ex, string reason);
}

/// <summary>Zalo's OAuth did not give a new token pair.</summary>
internal sealed class ZaloRefreshException(string message) : Exception(message);
