using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Conversations.Groups;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Inbox;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Retention;

namespace ResidentBot.Bot.Conversations;

internal static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The channel-agnostic core: inbox (record, then handle once), dispatcher and handlers, and the outbox
    /// with its paced sender. Channels plug in with their own AddXChannel().
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(ButtonKeyStore.LoadOrCreate);
        services.AddSingleton<ButtonCodec>();
        services.AddSingleton<ChannelCatalog>();
        services.AddSingleton<ChoiceShaper>();
        services.AddSingleton<ChoiceLists>();
        services.AddSingleton<TypedChoices>();
        services.AddScoped<IButtonHandler, ChoicePageButton>();
        services.AddSingleton<InboxSink>();
        services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<InboxSink>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxSink>());
        services.AddScoped<OutboxWriter>();
        services.AddScoped<TurnDispatcher>();
        services.AddScoped<GroupChatGuide>();
        services.AddSingleton<CurrentRouting>();
        services.AddSingleton<InboxClaims>();
        services.AddHostedService<InboxProcessor>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<DeliveryOutcomes>();
        services.AddSingleton<ChannelLeases>();
        services.AddHostedService<OutboxSender>();
        services.AddHostedService<Hosting.ClusterBridge>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RetentionCleanupJob>();
        services.AddAttachments();
        return services;
    }
}
