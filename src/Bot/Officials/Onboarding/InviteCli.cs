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
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await error.WriteLineAsync(Texts.Get(Texts.Vietnamese, "Official.Invite.CliUsage"));
            return 2;
        }

        await using var scope = await CliHost.OpenAsync(
            settings, s => s.AddOfficialInvites().AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section), cancellationToken);
        var telegram = scope.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var bot = TelegramEntry.Normalize(telegram.BotUsername) ?? await AskTelegramAsync(telegram, cancellationToken);
        if (bot is null)
        {
            await error.WriteLineAsync(Texts.Get(Texts.Vietnamese, "Official.Invite.NoBotUsername"));
            return 1;
        }

        var invite = await scope.Services.GetRequiredService<OfficialInvites>().CreateAsync(args[1], cancellationToken);
        if (invite is null)
        {
            await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Official.Invite.UnknownOfficial", args[1]));
            return 1;
        }

        await output.WriteLineAsync(TelegramEntry.Link(bot, invite.Code));
        return 0;
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
