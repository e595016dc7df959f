namespace ResidentBot.Bot.Notifications;

internal static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Who hears what about a case: the residents' and officials' notifiers, where officials' chats are, and what happens
    /// when a channel cannot reach a person (their messages wait and follow them to the channel they come back on).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<OfficialChats>();
        services.AddScoped<OfficialNotifier>();
        services.AddScoped<ResidentNotifier>();
        services.AddScoped<CaseCards>();
        services.AddScoped<People.WaitingMessages>();
        services.AddScoped<People.OfficialReach>();
        services.AddSingleton<People.UnreachablePeople>();
        return services;
    }
}
