using Microsoft.EntityFrameworkCore;

namespace ResidentBot.Persistence.Secrets;

/// <summary>
/// Reads and writes <see cref="AppSecret"/> rows so that hosts starting together agree: a first-start secret is
/// inserted only if absent and then read back, so every host uses the one row that won (find-then-insert would let
/// two hosts each keep their own). <c>INSERT … ON CONFLICT</c> is understood by SQLite and PostgreSQL alike.
/// </summary>
public static class AppSecretRows
{
    /// <summary>The secret <paramref name="name"/>, created from <paramref name="create"/> when no host made it yet.</summary>
    public static byte[] GetOrCreate(ResidentBotDbContext db, string name, Func<byte[]> create)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(create);
        if (Read(db, name) is { } stored)
        {
            return stored;
        }

        var value = create();
        db.Database.ExecuteSqlInterpolated($"""INSERT INTO "AppSecrets" ("Name", "Value") VALUES ({name}, {value}) ON CONFLICT ("Name") DO NOTHING""");
        return Read(db, name) ?? throw new InvalidOperationException($"The secret {name} was neither found nor created.");
    }

    /// <summary>Stores <paramref name="value"/> as the secret <paramref name="name"/>, replacing what was there, in one statement.</summary>
    public static Task UpsertAsync(ResidentBotDbContext db, string name, byte[] value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "AppSecrets" ("Name", "Value") VALUES ({name}, {value}) ON CONFLICT ("Name") DO UPDATE SET "Value" = excluded."Value" """,
            cancellationToken);
    }

    private static byte[]? Read(ResidentBotDbContext db, string name) =>
        db.AppSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleOrDefault();
}
