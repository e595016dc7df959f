using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using Telegram.Bot;

namespace ResidentBot.Bot.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    internal const string HttpClientName = "telegram";

    /// <summary>
    /// Adds the Telegram channel when <c>Telegram:BotToken</c> is set (otherwise only a start-up notice that it is
    /// off). The host must register an <see cref="IInboundSink"/> and an <see cref="IAttachmentStore"/>; the webhook is mapped by
    /// <see cref="TelegramWebhookEndpoint.MapTelegramWebhook"/>.
    /// </summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!settings.IsEnabled)
        {
            services.AddHostedService<TelegramOffNotice>();
            return services;
        }

        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Every Bot API URL carries the token: the client's request logging would write it out at Information.
        services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp => CreateClient(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton(sp => new TelegramBotIdentity(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.BotUsername));
        services.AddSingleton<TelegramUpdateMapper>();
        services.AddSingleton<IChannelFiles, TelegramFiles>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramSender>());
        services.AddSingleton<IChannelEntry, TelegramEntry>();
        services.AddSingleton<TelegramStartupService>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramStartupService>());

        if (settings.IsWebhookMode)
        {
            services.AddSingleton(sp => TelegramWebhookSecret.Shared(sp, sp.GetRequiredService<IOptions<TelegramOptions>>().Value.SecretToken));
            services.AddSingleton<TelegramWebhookRefusals>();
        }
        else
        {
            services.AddHostedService<TelegramPollingService>();
        }

        return services;
    }

    /// <summary>Our outbox owns retries, so the client's own 429 retry (which blocks the caller) is off.</summary>
    internal static TelegramBotClient CreateClient(TelegramOptions options, HttpClient httpClient) =>
        new(new TelegramBotClientOptions(options.BotToken!, string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl)
        {
            RetryThreshold = 0,
        }, httpClient);

    private sealed class TelegramOffNotice(ILogger<TelegramOffNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("Telegram is off: set Telegram__BotToken (environment) or Telegram:BotToken (user-secrets) to the token from @BotFather to turn it on");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
