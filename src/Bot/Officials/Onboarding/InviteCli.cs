using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using Telegram.Bot;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>
/// <c>dotnet run --project src/Bot -- invite &lt;officialCode&gt;</c>: prints a one-time invite link and exits,
/// without starting the web host. Uses the same appsettings.json, environment and database as the host.
/// </summary>
internal static class InviteCli
{
    public const string Verb = "invite";

    /// <summary>Runs the verb (<paramref name="args"/>[0] is <see cref="Verb"/>, <see cref="CliVerbs"/> saw to it); returns the exit code.</summary>
    internal static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await error.WriteLineAsync(Texts.Get(Texts.Vietnamese, "Official.Invite.CliUsage"));
            return 2;
        }

        using var host = Build(settings);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var telegram = scope.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var bot = TelegramEntry.Normalize(telegram.BotUsername) ?? await AskTelegramAsync(telegram, cancellationToken);
        if (bot is null)
        {
            await error.WriteLineAsync(Texts.Get(Texts.Vietnamese, "Official.Invite.NoBotUsername"));
            return 1;
        }

        var invite = await scope.ServiceProvider.GetRequiredService<OfficialInvites>().CreateAsync(args[1], cancellationToken);
        if (invite is null)
        {
            await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Official.Invite.UnknownOfficial", args[1]));
            return 1;
        }

        await output.WriteLineAsync(TelegramEntry.Link(bot, invite.Code));
        return 0;
    }

    private static IHost Build(IReadOnlyDictionary<string, string?>? settings)
    {
        var root = ContentRootLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = root });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Standard output carries only the link (scripts read it); every log line goes to standard error.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services
            .AddPersistence(builder.Configuration, builder.Environment.ContentRootPath)
            .AddSingleton(TimeProvider.System)
            .AddOfficialInvites();
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section);
        return builder.Build();
    }

    // Without a configured username the bot's own getMe tells it, as the host does at start.
    private static async Task<string?> AskTelegramAsync(TelegramOptions telegram, CancellationToken cancellationToken)
    {
        if (!telegram.IsEnabled)
        {
            return null;
        }

        var baseUrl = string.IsNullOrWhiteSpace(telegram.ApiBaseUrl) ? null : telegram.ApiBaseUrl;
        var client = new TelegramBotClient(new TelegramBotClientOptions(telegram.BotToken!, baseUrl));
        var me = await client.GetMe(cancellationToken);
        return TelegramEntry.Normalize(me.Username);
    }
}
