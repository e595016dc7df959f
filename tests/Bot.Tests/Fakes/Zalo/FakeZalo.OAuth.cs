using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ResidentBot.Bot.Tests.Fakes.Zalo;

/// <summary>
/// OAuth v4: <c>POST /v4/oa/access_token</c>, form <c>app_id</c>, <c>refresh_token</c>, <c>grant_type=refresh_token</c>,
/// header <c>secret_key</c>. A refresh token works once; the answer's <c>expires_in</c> is a string of seconds.
/// </summary>
public sealed partial class FakeZalo
{
    public const string TokenPath = "/v4/oa/access_token";

    /// <summary>What an access token lasts, as Zalo says (about 25 hours).</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(25);

    private readonly HashSet<string> _refreshTokens = [];
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = [];
    private int _issued;
    private TaskCompletionSource? _refreshHold;

    /// <summary>Refresh tokens used (successfully or not), in order.</summary>
    public IReadOnlyList<string> RefreshTokensPresented =>
        [.. CallsTo(TokenPath).Select(c => c.Form.GetValueOrDefault("refresh_token") ?? string.Empty)];

    /// <summary>Every access token issued so far stops working (they expired mid-run): calls with them answer −220.</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            foreach (var token in _accessTokens.Keys.ToList())
            {
                _accessTokens[token] = DateTimeOffset.MinValue;
            }
        }
    }

    /// <summary>Refreshes are answered only after the returned action runs (to let concurrent callers pile up meanwhile).</summary>
    public Action HoldRefreshes()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _refreshHold = hold;
        return () => hold.TrySetResult();
    }

    /// <summary>−216 for a token Zalo never issued, −220 for an expired one, 0 for a good one.</summary>
    private int CheckAccessToken(string? token)
    {
        lock (_gate)
        {
            return token is null || !_accessTokens.TryGetValue(token, out var expiresAt) ? -216
                : expiresAt <= Time.GetUtcNow() ? -220
                : 0;
        }
    }

    private async Task<(int, JsonObject, FakeZaloCall)> RefreshAsync(HttpRequest request)
    {
        var form = request.HasFormContentType ? (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString()) : [];
        var call = new FakeZaloCall(TokenPath, Time.GetUtcNow()) { Form = form };
        if (_refreshHold is { } hold)
        {
            await hold.Task;
        }

        if (request.Headers["secret_key"].ToString() != AppSecret || form.GetValueOrDefault("app_id") != AppId)
        {
            return (200, OAuthError(-14002, "Invalid app_id or secret_key"), call);
        }

        if (form.GetValueOrDefault("grant_type") != "refresh_token")
        {
            return (200, OAuthError(-14004, "Invalid grant_type"), call);
        }

        lock (_gate)
        {
            if (!_refreshTokens.Remove(form.GetValueOrDefault("refresh_token") ?? string.Empty))
            {
                return (200, OAuthError(-14014, "Invalid refresh token"), call);
            }

            var n = ++_issued;
            var access = $"at-{n}";
            var refresh = $"rt-{n}";
            _accessTokens[access] = Time.GetUtcNow() + AccessTokenLifetime;
            _refreshTokens.Add(refresh);
            var seconds = ((long)AccessTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return (200, new JsonObject { ["access_token"] = access, ["refresh_token"] = refresh, ["expires_in"] = seconds }, call with { Answer = access });
        }
    }

    private static JsonObject OAuthError(int code, string name) =>
        new() { ["error"] = code, ["error_name"] = name, ["error_reason"] = name, ["error_description"] = name };
}
