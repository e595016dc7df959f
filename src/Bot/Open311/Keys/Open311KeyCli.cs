using System.Globalization;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Open311;

namespace ResidentBot.Bot.Open311.Keys;

/// <summary>
/// <c>dotnet run --project src/Bot -- open311-key &lt;name&gt;</c> prints a new API key for the named client and exits;
/// <c>open311-key --revoke &lt;name&gt;</c> revokes the client's keys; <c>open311-key --list</c> lists them. Uses the same
/// appsettings.json, environment and database as the host, without starting it.
/// </summary>
internal static class Open311KeyCli
{
    public const string Verb = "open311-key";

    /// <summary>Runs the verb (<paramref name="args"/>[0] is <see cref="Verb"/>, <see cref="CliVerbs"/> saw to it); returns the exit code.</summary>
    internal static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (list, revoke, name) = args switch
        {
            [_, "--list"] => (true, false, null),
            [_, "--revoke", var n] when Valid(n) => (false, true, n),
            [_, var n] when Valid(n) && !n.StartsWith('-') => (false, false, n),
            _ => (false, false, (string?)null),
        };
        if (!list && name is null)
        {
            await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Open311.Key.CliUsage", Open311Key.MaxNameLength));
            return 2;
        }

        using var host = Build(settings);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var keys = scope.ServiceProvider.GetRequiredService<Open311Keys>();
        if (list)
        {
            foreach (var key in await keys.ListAsync(cancellationToken))
            {
                var state = key.RevokedAt is { } revoked ? "revoked " + revoked.ToString("u", CultureInfo.InvariantCulture) : "active";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{key.Name}\t{key.CreatedAt:u}\t{state}"));
            }

            return 0;
        }

        if (revoke)
        {
            var count = await keys.RevokeAsync(name!, cancellationToken);
            if (count == 0)
            {
                await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Open311.Key.UnknownName", name));
                return 1;
            }

            await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Open311.Key.Revoked", name, count));
            return 0;
        }

        await output.WriteLineAsync(await keys.CreateAsync(name!, cancellationToken));
        return 0;
    }

    private static bool Valid(string name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= Open311Key.MaxNameLength;

    private static IHost Build(IReadOnlyDictionary<string, string?>? settings)
    {
        var root = ContentRootLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = root });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Standard output carries only the key (scripts read it); every log line goes to standard error.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services
            .AddPersistence(builder.Configuration, builder.Environment.ContentRootPath)
            .AddSingleton(TimeProvider.System)
            .AddScoped<Open311Keys>();
        return builder.Build();
    }
}
