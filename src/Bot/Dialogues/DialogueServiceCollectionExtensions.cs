using ResidentBot.Bot.Chase;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Dialogues.Announce;
using ResidentBot.Bot.Dialogues.Chase;
using ResidentBot.Bot.Dialogues.Counts;
using ResidentBot.Bot.Dialogues.Listing;
using ResidentBot.Bot.Dialogues.Questions;

namespace ResidentBot.Bot.Dialogues;

internal static class DialogueServiceCollectionExtensions
{
    /// <summary>
    /// Leaders' dialogues with residents: announcing (leaders, administrators), invitations and reminders, questions with
    /// their cards, answers and chase (a step of the chase sweep), and the counts in the supervisors' digests.
    /// </summary>
    public static IServiceCollection AddDialogues(this IServiceCollection services)
    {
        services.AddOptions<DialogueOptions>().BindConfiguration(DialogueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DialogueRules>();
        services.AddScoped<DialogueResidents>();
        services.AddScoped<DialogueInvitations>();
        services.AddScoped<DialogueCounts>();

        services.AddScoped<AnnouncePrompts>();
        services.AddScoped<DialogueHosts>();
        services.AddScoped<DialogueAnnouncer>();
        services.AddScoped<IButtonHandler, AnnounceButtons>();
        services.AddScoped<IFlowHandler, AnnounceFlow>();

        services.AddScoped<DialogueListing>();
        services.AddScoped<ICommandHandler, DialogueCommand>();
        services.AddScoped<IButtonHandler, DialogueSummary>();

        services.AddScoped<IButtonHandler, SubscribeButton>();
        services.AddScoped<IButtonHandler, AskButtons>();
        services.AddScoped<IFlowHandler, AskFlow>();
        services.AddScoped<QuestionIntake>();
        services.AddScoped<QuestionCards>();
        services.AddScoped<QuestionAccess>();
        services.AddScoped<IButtonHandler, AnswerButton>();
        services.AddScoped<QuestionAnswerer>();
        services.AddScoped<IFlowHandler, AnswerFlow>();
        services.AddScoped<IInputHandler, ReplyToQuestionCardInput>();

        services.AddScoped<IChaseStep, DialogueChaseStep>();
        return services;
    }
}
