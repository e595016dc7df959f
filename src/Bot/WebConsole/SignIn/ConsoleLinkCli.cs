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
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await error.WriteLineAsync(Texts.Get(Texts.Vietnamese, "Console.Cli.Usage"));
            return 2;
        }

        using var host = Build(settings);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var code = args[1].Trim();
        var official = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (official is null)
        {
            await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Console.Cli.UnknownOfficial", code));
            return 1;
        }

        var links = scope.ServiceProvider.GetRequiredService<ConsoleLinks>();
        var (_, url, _) = links.Create(official.Id, "cli", Texts.Vietnamese);
        if (url is null)
        {
            await error.WriteLineAsync(Texts.Get(Texts.Vietnamese, "Console.Web.NotSetUp"));
            return 1;
        }

        using (await scope.ServiceProvider.GetRequiredService<IWriteGate>().EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await output.WriteLineAsync(url.ToString());
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
            .AddConsoleLinks();
        return builder.Build();
    }
}
