using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.WebConsole.SignIn;

/// <summary>
/// <c>dotnet run --project src/Bot -- console-link &lt;officialCode&gt;</c>: prints a one-time sign-in link into the web
/// console and exits (the first administrator's way in, before any account is bound). Same settings and database as
/// the host.
/// </summary>
internal static class ConsoleLinkCli
{
    public const string Verb = "console-link";

    /// <summary>Runs the verb (<paramref name="args"/>[0] is <see cref="Verb"/>, <see cref="CliVerbs"/> saw to it); returns the exit code.</summary>
    internal static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await error.WriteLineAsync(Texts.Get(Texts.Vietnamese, "Console.Cli.Usage"));
            return 2;
        }

        await using var scope = await CliHost.OpenAsync(settings, s => s.AddConsoleLinks(), cancellationToken);
        var db = scope.Services.GetRequiredService<ResidentBotDbContext>();
        var code = args[1].Trim();
        var official = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (official is null)
        {
            await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Console.Cli.UnknownOfficial", code));
            return 1;
        }

        var links = scope.Services.GetRequiredService<ConsoleLinks>();
        var (_, url, _) = links.Create(official.Id, "cli", Texts.Vietnamese);
        if (url is null)
        {
            await error.WriteLineAsync(Texts.Get(Texts.Vietnamese, "Console.Web.NotSetUp"));
            return 1;
        }

        using (await scope.Services.GetRequiredService<IWriteGate>().EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await output.WriteLineAsync(url.ToString());
        return 0;
    }
}
