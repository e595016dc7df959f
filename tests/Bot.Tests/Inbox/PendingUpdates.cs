using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Inbox;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Bot.Tests.Inbox;

/// <summary>Writes updates into a stopped host's inbox as if they had been recorded just before a crash.</summary>
internal static class PendingUpdates
{
    public static async Task RecordAsync(string folder, params InboundMessage[] messages)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ResidentBot"] = $"Data Source={Path.Combine(folder, "bot.db")}",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddPersistence(configuration, folder).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        foreach (var message in messages)
        {
            db.InboxEntries.Add(new InboxEntry
            {
                Channel = message.Channel,
                ExternalId = message.UpdateId,
                Payload = JsonSerializer.Serialize(message, InboxPayload.Json),
            });
        }

        await db.SaveChangesAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public static InboundMessage Text(long user, int updateId, string text) => new()
    {
        Channel = ChannelNames.Telegram,
        UpdateId = updateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ChatId = user.ToString(System.Globalization.CultureInfo.InvariantCulture),
        UserId = user.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind = text.StartsWith('/') ? InboundKind.Command : InboundKind.Text,
        Text = text,
        Command = text.StartsWith('/') ? text[1..] : null,
    };
}
