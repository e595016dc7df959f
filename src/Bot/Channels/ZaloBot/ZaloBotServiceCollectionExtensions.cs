using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Channels.ZaloBot;

public static class ZaloBotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Zalo Bot Platform channel when <c>ZaloBot:Token</c> is set (otherwise only a start-up notice that it is
    /// off): webhook mode with <c>ZaloBot:WebhookUrl</c>, polling otherwise. The host must register an
    /// <see cref="IInboundSink"/>; endpoints are mapped by <see cref="MapZaloBotWebhook"/>.
    /// </summary>
    public static IServiceCollection AddZaloBotChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(ZaloBotOptions.Section).Get<ZaloBotOptions>() ?? new ZaloBotOptions();
        if (!settings.IsEnabled)
        {
            services.AddHostedService<ZaloBotOffNotice>();
            return services;
        }

        services.AddOptions<ZaloBotOptions>().BindConfiguration(ZaloBotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();

        // Every request URL carries the token: the client's own request logging would write it out.
        services.AddHttpClient(ZaloBotClient.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<ZaloBotClient>();
        services.AddSingleton<ZaloBotUpdateMapper>();
        services.AddSingleton<ZaloBotPhotoLinks>();
        services.AddSingleton<ZaloBotPhotoSource>();
        services.AddSingleton<ZaloBotSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<ZaloBotSender>());
        services.AddSingleton<IChannelFiles, ZaloBotFiles>();
        services.AddSingleton<IChannelEntry, ZaloBotEntry>();
        services.AddSingleton<ZaloBotStartupService>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloBotStartupService>());

        if (settings.IsWebhookMode)
        {
            services.AddSingleton(sp => ZaloBotWebhookSecret.Shared(sp, sp.GetRequiredService<IOptions<ZaloBotOptions>>().Value.SecretToken));
            services.AddSingleton<ZaloBotWebhookRefusals>();
        }
        else
        {
            services.AddHostedService<ZaloBotPollingService>();
        }

        return services;
    }

    /// <summary>
    /// Maps <c>GET /zalobot/photos/{token}</c> (the signed photo links sendPhoto fetches) when the channel is on, and
    /// <c>POST /zalobot/webhook</c> in webhook mode; nothing when the channel is off.
    /// </summary>
    public static IEndpointRouteBuilder MapZaloBotWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<ZaloBotPhotoLinks>() is null)
        {
            return endpoints;
        }

        endpoints.MapGet(ZaloBotPhotoLinks.PathPrefix + "{token}", ZaloBotPhotoEndpoint.HandleAsync).ExcludeFromDescription();
        if (endpoints.ServiceProvider.GetService<ZaloBotWebhookSecret>() is not null)
        {
            endpoints.MapPost(ZaloBotWebhookEndpoint.Path, ZaloBotWebhookEndpoint.HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        }

        return endpoints;
    }

    private sealed class ZaloBotOffNotice(ILogger<ZaloBotOffNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Zalo bot is off: set ZaloBot__Token (environment) to the Bot Token from Zalo Bot Creator to turn it on (see docs/ZALOBOT.md)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
