using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.AddInformation;
using ResidentBot.Bot.Conversations.Confirmation;
using ResidentBot.Bot.Conversations.Language;
using ResidentBot.Bot.Conversations.Report;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Conversations.Status;

namespace ResidentBot.Bot.Residents;

internal static class ResidentServiceCollectionExtensions
{
    /// <summary>What residents can do: start, language, report, status, add information, confirm, rate.</summary>
    public static IServiceCollection AddResidentFeatures(this IServiceCollection services)
    {
        services.AddSingleton<PhotoPolicy>();

        services.AddScoped<ICommandHandler, StartCommand>();
        services.AddScoped<ICommandHandler, HelpCommand>();
        services.AddCommand<LanguageCommand>();
        services.AddCommand<ReportCommand>();
        services.AddCommand<StatusCommand>();

        services.AddScoped<ReportPrompts>();
        services.AddScoped<ReportSubmitter>();
        services.AddScoped<Cases.CaseIntake>();
        services.AddScoped<IFlowHandler, ReportFlow>();
        services.AddScoped<IButtonHandler, ReportButtons>();
        services.AddOptions<Conversations.Report.Duplicates.DuplicateOptions>()
            .BindConfiguration(Conversations.Report.Duplicates.DuplicateOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Conversations.Report.Duplicates.DuplicateOffer>();
        services.AddScoped<IButtonHandler, Conversations.Report.Duplicates.DuplicateButtons>();

        services.AddScoped<CaseHistory>();
        services.AddScoped<IButtonHandler, StatusButtons>();

        services.AddScoped<InformationAdder>();
        services.AddScoped<IFlowHandler, AddInformationFlow>();
        services.AddScoped<IButtonHandler, AddInformationButtons>();

        services.AddScoped<IButtonHandler, ConfirmationButtons>();

        // Input handlers are asked in registration order: a reply to a case message, then a menu label.
        services.AddScoped<IInputHandler, ReplyToCaseInput>();
        services.AddScoped<MainMenuInput>();
        services.AddScoped<IInputHandler>(sp => sp.GetRequiredService<MainMenuInput>());
        return services;
    }

    private static void AddCommand<T>(this IServiceCollection services) where T : class, ICommandHandler
    {
        services.AddScoped<T>();
        services.AddScoped<ICommandHandler>(sp => sp.GetRequiredService<T>());
    }
}
