using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Officials.Acknowledge;
using ResidentBot.Bot.Officials.AskResident;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Officials.Duplicate;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Bot.Officials.Overdue;
using ResidentBot.Bot.Officials.Queue;
using ResidentBot.Bot.Officials.Reject;
using ResidentBot.Bot.Officials.Reply;
using ResidentBot.Bot.Officials.Resolve;
using ResidentBot.Bot.Officials.Transfer;

namespace ResidentBot.Bot.Officials;

internal static class OfficialServiceCollectionExtensions
{
    /// <summary>What officials can do: onboarding, case cards and their actions, reply relay, queue, overdue.</summary>
    public static IServiceCollection AddOfficialFeatures(this IServiceCollection services)
    {
        services.AddOfficialInvites();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InviteRedeemer>();
        services.AddScoped<IInviteRedeemer>(sp => sp.GetRequiredService<InviteRedeemer>());
        services.AddScoped<IInputHandler, InviteCodeInput>();
        services.AddScoped<ICommandHandler, InviteCommand>();

        services.AddScoped<CaseCardRenderer>();
        services.AddScoped<CaseAccess>();

        services.AddScoped<AcknowledgeOperation>();
        services.AddScoped<ReplyOperation>();
        services.AddScoped<ResolveOperation>();
        services.AddScoped<RejectOperation>();
        services.AddScoped<IButtonHandler, AcknowledgeButton>();
        services.AddScoped<ReplyRelay>();
        services.AddScoped<IButtonHandler, ReplyButton>();
        services.AddScoped<IFlowHandler, ReplyFlow>();
        services.AddScoped<IInputHandler, ReplyToCardInput>();
        services.AddScoped<IButtonHandler, ResolveButton>();
        services.AddScoped<IFlowHandler, ResolveFlow>();
        services.AddScoped<IButtonHandler, AskResidentButton>();
        services.AddScoped<IFlowHandler, AskResidentFlow>();
        services.AddScoped<IButtonHandler, MarkDuplicateButton>();
        services.AddScoped<IFlowHandler, MarkDuplicateFlow>();
        services.AddScoped<IButtonHandler, RejectButton>();
        services.AddScoped<IFlowHandler, RejectFlow>();
        services.AddScoped<TransferPrompts>();
        services.AddScoped<CaseTransfer>();
        services.AddScoped<IButtonHandler, TransferButtons>();
        services.AddScoped<IFlowHandler, TransferFlow>();

        services.AddScoped<ICommandHandler, QueueCommand>();
        services.AddScoped<ICommandHandler, OverdueCommand>();
        return services;
    }

    /// <summary>Invite codes alone, for the host and for the <c>invite</c> command-line verb.</summary>
    public static IServiceCollection AddOfficialInvites(this IServiceCollection services)
    {
        services.AddOptions<InviteOptions>().BindConfiguration(InviteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OfficialInvites>();
        return services;
    }
}
