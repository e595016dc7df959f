using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Persistence;
using ResidentBot.Persistence.WebConsole;

namespace ResidentBot.Bot.WebConsole.SignIn;

/// <summary>
/// The console's server-side sessions: the cookie carries a random key, the table its hash. Reads are one primary-key
/// lookup; every write goes through <see cref="Shell.ConsoleWrites"/> (the write gate), and last-seen is written at
/// most once a minute, so a page view does not become a write.
/// </summary>
internal sealed partial class ConsoleSessions(ResidentBotDbContext db, TimeProvider time, ILogger<ConsoleSessions> logger)
{
    /// <summary>How stale last-seen may get before a request writes it again.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>Adds a new session of the official to the unit of work; returns the key for the cookie.</summary>
    public string Start(int officialId, string? userAgent)
    {
        var now = time.GetUtcNow();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var agent = userAgent?.Trim();
        db.ConsoleSessions.Add(new ConsoleSession
        {
            Id = IdOf(key), OfficialId = officialId, CreatedAt = now, LastSeenAt = now,
            UserAgent = string.IsNullOrEmpty(agent) ? null : agent.Length > ConsoleSession.MaxUserAgentLength ? agent[..ConsoleSession.MaxUserAgentLength] : agent,
        });
        LogStarted(officialId);
        return key;
    }

    /// <summary>The row id of a cookie's key (its SHA-256).</summary>
    public static string IdOf(string key) => OfficialInvites.Hash(key);

    /// <summary>The live session of the key, read without tracking; null when there is none or it was revoked.</summary>
    public async Task<SessionState?> FindAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64)
        {
            return null;
        }

        var id = IdOf(key);
        return await db.ConsoleSessions.AsNoTracking().Where(s => s.Id == id && s.RevokedAt == null)
            .Select(s => new SessionState(s.Id, s.OfficialId, s.LastSeenAt)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The official's sessions not revoked and not idle past <paramref name="lifetime"/>, newest first.</summary>
    public async Task<IReadOnlyList<ConsoleSession>> OfAsync(int officialId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - lifetime;
        var sessions = await db.ConsoleSessions.AsNoTracking()
            .Where(s => s.OfficialId == officialId && s.RevokedAt == null && s.LastSeenAt > since).ToListAsync(cancellationToken);
        return [.. sessions.OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)];
    }

    /// <summary>Writes last-seen unless another request wrote it within the minute. Call in the write gate's turn.</summary>
    public Task TouchAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now - LastSeenResolution;
        return db.ConsoleSessions.Where(s => s.Id == id && s.RevokedAt == null && s.LastSeenAt <= before)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
    }

    /// <summary>
    /// Revokes one of the official's sessions; an id that is not theirs (or already revoked) changes nothing. Returns
    /// whether a session was revoked. Call in the write gate's turn.
    /// </summary>
    public async Task<bool> RevokeAsync(int officialId, string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var revoked = await db.ConsoleSessions.Where(s => s.Id == id && s.OfficialId == officialId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        if (revoked > 0)
        {
            LogRevoked(officialId, 1);
        }

        return revoked > 0;
    }

    /// <summary>Revokes every session of the official (sign out everywhere; ended posts). Call in the write gate's turn.</summary>
    public async Task<int> RevokeAllAsync(int officialId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = await db.ConsoleSessions.Where(s => s.OfficialId == officialId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        LogRevoked(officialId, revoked);
        return revoked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Console session started for official {OfficialId}")]
    private partial void LogStarted(int officialId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} console session(s) of official {OfficialId} revoked")]
    private partial void LogRevoked(int officialId, int count);
}

/// <summary>What a request needs of its session row.</summary>
internal sealed record SessionState(string Id, int OfficialId, DateTimeOffset LastSeenAt);
