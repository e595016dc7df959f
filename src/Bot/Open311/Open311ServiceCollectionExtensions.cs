using Microsoft.Extensions.Options;
using ResidentBot.Bot.Chase;
using ResidentBot.Bot.Open311.Keys;
using ResidentBot.Bot.Open311.Media;
using ResidentBot.Bot.Open311.Requests;
using ResidentBot.Bot.Open311.Services;
using ResidentBot.Bot.Open311.Updates;

namespace ResidentBot.Bot.Open311;

internal static partial class Open311ServiceCollectionExtensions
{
    public const string BasePath = "/open311/v2";

    /// <summary>The Open311 GeoReport v2 API: keys, the gate (format, jurisdiction, key, rate), intake, media fetching and the read side.</summary>
    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Open311Keys>();
        services.AddSingleton<Open311Limiter>();
        services.AddScoped<Open311Gate>();
        services.AddSingleton<Open311Intake>();
        services.AddScoped<RequestRecords>();

        // media_url fetched in the background as hostile input: Hangfire jobs, retried by the chase sweep's step.
        services.AddSingleton<IMediaHostResolver, DnsMediaHostResolver>();
        services.AddSingleton<MediaGuard>();
        services.AddSingleton<MediaConnector>();
        services.AddSingleton<MediaFetcher>();
        services.AddScoped<Open311MediaJob>();
        services.AddScoped<Open311MediaSweep>();
        services.AddScoped<IChaseStep>(provider => provider.GetRequiredService<Open311MediaSweep>());
        services.AddHostedService<Open311MediaResume>();
        return services;
    }

    /// <summary>Maps <c>/open311/v2/…</c> when <c>Open311:Enabled</c> (the default); off, the paths are not there (404).</summary>
    public static WebApplication MapOpen311(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var enabled = app.Services.GetRequiredService<IOptions<Open311Options>>().Value.Enabled;
        LogState(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ResidentBot.Open311"), enabled, BasePath);
        if (!enabled)
        {
            return app;
        }

        var group = app.MapGroup(BasePath);
        ServiceEndpoints.Map(group);
        PostRequestEndpoint.Map(group);
        RequestQueryEndpoints.Map(group);
        ServiceRequestUpdatesEndpoint.Map(group);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Open311 GeoReport v2 on: {Enabled}, at {BasePath}/ (keys: dotnet run --project src/Bot -- open311-key <name>)")]
    private static partial void LogState(ILogger logger, bool enabled, string basePath);
}
