namespace ResidentBot.Bot.Residents;

internal static class ResidentServiceCollectionExtensions
{
    /// <summary>What residents can do: start, language, report, status, add information, confirm, rate.</summary>
    public static IServiceCollection AddResidentFeatures(this IServiceCollection services)
    {
        services.AddScoped<IResidentInbox, ResidentInbox>();
        return services;
    }
}
