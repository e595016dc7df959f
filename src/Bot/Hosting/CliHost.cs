using ResidentBot.Persistence;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// What a command-line verb (<see cref="CliVerbs"/>) works in: the host's appsettings.json, environment and database
/// (initialized as the host would), the services the verb names, and no web server.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly AsyncServiceScope scope;

    private CliHost(IHost host)
    {
        this.host = host;
        scope = host.Services.CreateAsyncScope();
    }

    public IServiceProvider Services => scope.ServiceProvider;

    /// <param name="settings">Settings over appsettings.json (tests point the database elsewhere).</param>
    /// <param name="services">The verb's own services, beside persistence and the system clock.</param>
    public static async Task<CliHost> OpenAsync(
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection> services, CancellationToken cancellationToken)
    {
        var root = ContentRootLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = root });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Standard output carries only the verb's answer (scripts read it); every log line goes to standard error.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services
            .AddPersistence(builder.Configuration, builder.Environment.ContentRootPath)
            .AddSingleton(TimeProvider.System);
        services(builder.Services);
        var cli = new CliHost(builder.Build());
        try
        {
            await cli.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            return cli;
        }
        catch
        {
            await cli.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        host.Dispose();
    }
}
