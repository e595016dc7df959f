using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Persistence;
using ResidentBot.Persistence.WebConsole;

namespace ResidentBot.Bot.WebConsole.SignIn;

/// <summary>
/// One-time sign-in links into the console: 192 random bits in base64url, only the SHA-256 stored, usable once within
/// <see cref="ConsoleOptions.LinkLifetime"/>. Creating adds the row to the caller's unit of
/// work; consuming updates it at once.
/// </summary>
internal sealed partial class ConsoleLinks(ResidentBotDbContext db, TimeProvider time, IOptions<ConsoleOptions> options, ILogger<ConsoleLinks> logger)
{
    public const string PagePath = "/console/signin";

    /// <summary>Adds a new link for the official to the unit of work; returns the code, its URL and when it expires (null URL: no base URL set).</summary>
    public (string Code, Uri? Url, DateTimeOffset ExpiresAt) Create(int officialId, string requestedBy, string language)
    {
        var now = time.GetUtcNow();
        var code = Base64Url(RandomNumberGenerator.GetBytes(24));
        var expires = now + options.Value.LinkLifetime;
        db.ConsoleSignIns.Add(new ConsoleSignIn
        {
            OfficialId = officialId, CodeHash = OfficialInvites.Hash(code), CreatedAt = now, ExpiresAt = expires,
            RequestedBy = requestedBy.Length > 96 ? requestedBy[..96] : requestedBy, Language = language,
        });
        LogCreated(officialId, requestedBy, expires);
        return (code, UrlFor(code), expires);
    }

    public Uri? UrlFor(string code) =>
        options.Value.SignInBase is { } root ? new Uri(root, $"console/signin?code={Uri.EscapeDataString(code)}") : null;

    /// <summary>What a code is worth now, without using it (the confirm page shows it).</summary>
    public async Task<(SignInCheck Check, ConsoleSignIn? Link)> CheckAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return (SignInCheck.Unknown, null);
        }

        var hash = OfficialInvites.Hash(code.Trim());
        var link = await db.ConsoleSignIns.FirstOrDefaultAsync(s => s.CodeHash == hash, cancellationToken);
        return link switch
        {
            null => (SignInCheck.Unknown, null),
            { UsedAt: not null } => (SignInCheck.Used, link),
            _ when link.ExpiresAt <= time.GetUtcNow() => (SignInCheck.Expired, link),
            _ => (SignInCheck.Valid, link),
        };
    }

    /// <summary>
    /// Uses the code, atomically: of two requests with the same code only one sees it valid (the update is conditional
    /// on the row being unused and unexpired). Call inside the write gate.
    /// </summary>
    public async Task<(SignInCheck Check, ConsoleSignIn? Link)> ConsumeAsync(string? code, CancellationToken cancellationToken)
    {
        var (check, link) = await CheckAsync(code, cancellationToken);
        if (check != SignInCheck.Valid)
        {
            return (check, link);
        }

        var now = time.GetUtcNow();
        var taken = await db.ConsoleSignIns.Where(s => s.Id == link!.Id && s.UsedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedAt, now), cancellationToken);
        if (taken == 0)
        {
            return (SignInCheck.Used, link);
        }

        LogUsed(link!.Id, link.OfficialId);
        return (SignInCheck.Valid, link);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Console sign-in link for official {OfficialId} asked by {RequestedBy}, expires {ExpiresAt}")]
    private partial void LogCreated(int officialId, string requestedBy, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Console sign-in link {LinkId} used by official {OfficialId}")]
    private partial void LogUsed(long linkId, int officialId);
}

internal enum SignInCheck
{
    Valid,
    Unknown,
    Used,
    Expired,
}
