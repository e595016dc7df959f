using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels.WebChat.Cleanup;

namespace ResidentBot.Bot.Channels.WebChat;

public static class WebChatServiceCollectionExtensions
{
    /// <summary>
    /// The web chat channel: Direct Line 3.0 endpoints over the same inbox and outbox as Telegram, the resident page,
    /// and (in Development or with WebChat:Demo) the demo. Always on: it needs no external account.
    /// </summary>
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.AllowedOrigins.All(origin => WebChatOrigins.Normalize(origin) is not null),
                "WebChat:AllowedOrigins lists origins such as https://city.gov.vn (scheme, host and port only).")
            .ValidateOnStart();
        services.AddSingleton<WebChatOrigins>();
        services.AddSingleton<WebChatSockets>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<WebChatOptions>>((cors, webChat) => WebChatOrigins.AddPolicy(cors, webChat.Value));
        services.AddSingleton(WebChatKey.LoadOrCreate);
        services.AddSingleton<WebChatTokens>();
        services.AddSingleton<WebChatHub>();
        services.AddSingleton<WebChatLog>();
        services.AddSingleton<WebChatFiles>();
        services.AddSingleton<IChannelFiles, WebChatChannelFiles>();
        services.AddSingleton<WebChatInbound>();
        services.AddSingleton<WebChatSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<WebChatSender>());
        services.AddScoped<WebChatCleanupJob>();
        services.AddHostedService<WebChatRecurringJobs>();
        services.AddWebChatRateLimits();
        return services;
    }

    /// <summary>Maps the Direct Line endpoints, the page and its files, and the demo when it is on.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value;
        WebChatDemo.Guard(app.Environment, options);
        var files = WebChatStaticRoot.Locate(options.StaticRoot, app.Environment);

        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();
        DirectLineConversationEndpoints.Map(app);
        DirectLineActivityEndpoints.Map(app);
        DirectLineStream.Map(app);
        WebChatPageEndpoints.Map(app, files);
        if (WebChatDemo.IsOn(app.Environment, options))
        {
            WebChatDemo.Map(app, files);
        }

        return app;
    }
}
