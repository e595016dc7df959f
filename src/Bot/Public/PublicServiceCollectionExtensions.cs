using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ResidentBot.Bot.Public;

internal static class PublicServiceCollectionExtensions
{
    /// <summary>The public results page: its options, the cache and its background refresher, and static server rendering.</summary>
    public static IServiceCollection AddPublicResults(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicOptions>().BindConfiguration(PublicOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Vietnamese as text, not as &#x…; entities: a third of the page's bytes otherwise, and unreadable in its source.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddScoped<PublicSnapshotBuilder>();
        services.AddSingleton<PublicResults>();
        services.AddSingleton<PublicMonthCache>();
        if (configuration.GetValue(PublicOptions.Section + ":" + nameof(PublicOptions.Enabled), true))
        {
            services.AddHostedService<PublicRefresher>();
        }

        return services;
    }
}
