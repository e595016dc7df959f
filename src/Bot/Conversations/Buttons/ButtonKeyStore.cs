using System.Security.Cryptography;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Secrets;

namespace ResidentBot.Bot.Conversations.Buttons;

/// <summary>Loads the button-signing key from the database, creating it on first use.</summary>
internal static class ButtonKeyStore
{
    private const string Name = "button-signing-key";

    public static ButtonKey LoadOrCreate(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        return new ButtonKey(AppSecretRows.GetOrCreate(db, Name, () => RandomNumberGenerator.GetBytes(32)));
    }
}
