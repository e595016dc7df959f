namespace ResidentBot.Bot.Notifications;

internal static class NotificationServiceCollectionExtensions
{
    /// <summary>Who hears what about a case: the residents' and officials' notifiers and where officials' chats are.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<OfficialChats>();
        services.AddScoped<OfficialNotifier>();
        services.AddScoped<ResidentNotifier>();
        services.AddScoped<CaseCards>();
        return services;
    }
}
