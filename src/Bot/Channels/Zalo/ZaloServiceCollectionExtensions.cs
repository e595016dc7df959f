using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels.Zalo;

public static class ZaloServiceCollectionExtensions
{
    internal const string HttpClientName = "zalo";

    /// <summary>
    /// Adds the Zalo Official Account channel when <c>Zalo:AppId</c> is set (otherwise only a start-up notice that it is
    /// off). The host must register an <see cref="IInboundSink"/>; the webhook is mapped by
    /// <see cref="ZaloWebhookEndpoint.MapZaloWebhook"/>.
    /// </summary>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(ZaloOptions.Section).Get<ZaloOptions>() ?? new ZaloOptions();
        if (!settings.IsEnabled)
        {
            services.AddHostedService<ZaloOffNotice>();
            return services;
        }

        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.OaId), "Zalo:OaId must be set when Zalo:AppId is (the Official Account's id).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.OaSecretKey), "Zalo__OaSecretKey must be set when Zalo:AppId is (it checks every webhook call's signature).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.AppSecret), "Zalo__AppSecret must be set when Zalo:AppId is (it is needed to refresh the OA's tokens).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new ZaloSignature(Options(sp).AppId!, Options(sp).OaSecretKey!));
        services.AddSingleton(sp => new ZaloEventMapper(Options(sp).OaId!));
        services.AddSingleton<ZaloWebhookRefusals>();
        services.AddSingleton<ZaloHealth>();
        services.AddSingleton<IHealthReport>(sp => sp.GetRequiredService<ZaloHealth>());
        services.AddSingleton<ZaloTokenStore>();
        services.AddSingleton<ZaloTokens>();
        services.AddSingleton<ZaloApi>();
        services.AddSingleton<ZaloFiles>();
        services.AddSingleton<IChannelFiles>(sp => sp.GetRequiredService<ZaloFiles>());
        services.AddSingleton<ZaloPhotos>();
        services.AddSingleton<ZaloSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<ZaloSender>());
        services.AddSingleton<IChannelEntry, ZaloEntry>();
        services.AddScoped<ICommandHandler, ZaloUnfollowed>();
        services.AddHostedService<ZaloOnNotice>();
        return services;
    }

    private static ZaloOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<ZaloOptions>>().Value;

    private sealed class ZaloOffNotice(ILogger<ZaloOffNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Zalo is off: set Zalo:AppId, Zalo:OaId and (environment) Zalo__AppSecret, Zalo__OaSecretKey, Zalo__RefreshToken to turn it on (docs/ZALO.md)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class ZaloOnNotice(IOptions<ZaloOptions> options, ILogger<ZaloOnNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var o = options.Value;
            logger.LogInformation("Zalo OA {OaId} is on: webhook at POST {Path}, API {ApiBaseUrl}, templates for {Notices}", o.OaId, ZaloWebhookEndpoint.Path,
                o.ApiBaseUrl, o.Templates.Count == 0 ? "no notice" : string.Join(", ", o.Templates.Keys));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
