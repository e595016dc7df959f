namespace ResidentBot.Bot.Attachments;

internal static class AttachmentServiceCollectionExtensions
{
    /// <summary>The attachment store, the intake that fills it from the channels' <see cref="IChannelFiles"/>, and its cleanup.</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<IAttachmentStore>(sp => sp.GetRequiredService<AttachmentStore>());
        services.AddSingleton<PhotoIntake>();
        services.AddScoped<UnattachedPhotoCleanup>();
        return services;
    }
}
