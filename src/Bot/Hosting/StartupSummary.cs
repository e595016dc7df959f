using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ResidentBot.Bot.Hosting;

internal static partial class StartupSummary
{
    /// <summary>Once started, logs where the host listens and where its configuration came from.</summary>
    public static void LogStartupSummary(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ResidentBot");
            LogListening(logger, string.Join(", ", addresses), app.Environment.ContentRootPath, app.Environment.EnvironmentName);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ResidentBot listening on {Addresses} (settings from {ContentRoot}, environment {Environment}); health: GET /healthz")]
    private static partial void LogListening(ILogger logger, string addresses, string contentRoot, string environment);
}
