using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Per-client limits (ASP.NET Core rate limiter): posts and reads per web user (the token's user, else the IP
/// address), new conversations per IP address. A flood is answered with 429 and Retry-After, before anything is stored.
/// </summary>
internal static class WebChatRateLimits
{
    public const string Posts = "webchat-posts";
    public const string Reads = "webchat-reads";
    public const string Tokens = "webchat-tokens";

    public static IServiceCollection AddWebChatRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WebChatOptions>>((limiter, webChat) =>
        {
            var settings = webChat.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Posts, http => PerMinute(UserOrIp(http), settings.PostsPerMinute));
            limiter.AddPolicy(Reads, http => PerMinute(UserOrIp(http), settings.ReadsPerMinute));
            limiter.AddPolicy(Tokens, http => PerMinute("ip:" + http.Connection.RemoteIpAddress, settings.TokensPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static string UserOrIp(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : http.Request.Query["t"].ToString();
        return http.RequestServices.GetRequiredService<WebChatTokens>().Validate(token) is { } claims
            ? "user:" + claims.UserId
            : "ip:" + http.Connection.RemoteIpAddress;
    }
}
