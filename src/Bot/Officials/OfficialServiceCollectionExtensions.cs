namespace ResidentBot.Bot.Officials;

internal static class OfficialServiceCollectionExtensions
{
    /// <summary>What officials can do: onboarding, case cards and their actions, reply relay, queue, overdue.</summary>
    public static IServiceCollection AddOfficialFeatures(this IServiceCollection services)
    {
        services.AddScoped<IOfficialInbox, OfficialInbox>();
        return services;
    }
}
