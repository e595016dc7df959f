using System.Text.Json;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Secrets;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// The OA's token pair, kept as one <see cref="AppSecret"/> row: Zalo's refresh token is single-use, so the pair a
/// refresh returns must be saved (one transaction) before its access token is used, or a crash would lose the only
/// refresh token that still works.
/// </summary>
internal sealed class ZaloTokenStore(IServiceScopeFactory scopes, IWriteGate writeGate)
{
    public const string SecretName = "zalo-oa-tokens";

    public async Task<ZaloTokenPair?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var row = await db.AppSecrets.FindAsync([SecretName], cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<ZaloTokenPair>(row.Value);
    }

    public async Task SaveAsync(ZaloTokenPair pair, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await AppSecretRows.UpsertAsync(db, SecretName, JsonSerializer.SerializeToUtf8Bytes(pair), cancellationToken);
        }
    }
}

/// <summary>An access token, when it stops working, and the refresh token that gets the next pair.</summary>
internal sealed record ZaloTokenPair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
