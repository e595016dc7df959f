using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Open311;

namespace ResidentBot.Bot.Open311.Keys;

/// <summary>
/// Open311 API keys: made for a named client (the key is shown once; only its SHA-256 is kept), listed, revoked, and
/// checked on every request. A client gets a new key by name; revoking a name stops all its keys at once.
/// </summary>
internal sealed class Open311Keys(ResidentBotDbContext db, IWriteGate writeGate, TimeProvider time)
{
    /// <summary>A new key for <paramref name="name"/>; the caller shows it and never stores it.</summary>
    public async Task<string> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            db.Open311Keys.Add(new Open311Key { Name = name.Trim(), KeyHash = Hash(key), CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return key;
    }

    /// <summary>Revokes every live key of <paramref name="name"/>; returns how many.</summary>
    public async Task<int> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var now = time.GetUtcNow();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            return await db.Open311Keys.Where(k => k.Name == trimmed && k.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<Open311Key>> ListAsync(CancellationToken cancellationToken) =>
        await db.Open311Keys.AsNoTracking().OrderBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(cancellationToken);

    /// <summary>The live key <paramref name="presented"/> is, or null (unknown or revoked).</summary>
    public async Task<Open311Key?> FindAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 200)
        {
            return null;
        }

        var hash = Hash(presented.Trim());
        return await db.Open311Keys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
