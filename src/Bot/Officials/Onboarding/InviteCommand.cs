using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>/invite &lt;officialCode&gt;: an administrator (bound official listed in Admin:TelegramUserIds) gets a one-time link.</summary>
internal sealed partial class InviteCommand(
    OfficialInvites invites,
    InviteLinks links,
    CurrentRouting routing,
    IOptionsSnapshot<AdminOptions> admins,
    ILogger<InviteCommand> logger) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["invite"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.Official is not { TelegramUserId: { } userId } admin || !admins.Value.TelegramUserIds.Contains(userId))
        {
            LogRefused(turn.Message.UserId);
            turn.Reply(turn.T("Official.Invite.NotAdmin"));
            return;
        }

        var code = turn.Message.CommandArgs?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            turn.Reply(turn.T("Official.Invite.Usage"));
            return;
        }

        if (links.BotUsername is null)
        {
            turn.Reply(turn.T("Official.Invite.NoBotUsername"));
            return;
        }

        if (await invites.CreateAsync(code, cancellationToken) is not { } invite)
        {
            turn.Reply(turn.T("Official.Invite.UnknownOfficial", code));
            return;
        }

        LogIssued(admin.Code, invite.Official.Code);
        var text = turn.T("Official.Invite.Link", invite.Official.Title, invite.Official.FullName,
            TimeText.Local(invite.ExpiresAt, (await routing.GetAsync(cancellationToken)).Calendar.TimeZone), links.For(invite.Code));
        if (invite.Official.TelegramUserId is not null)
        {
            text += "\n\n" + turn.T("Official.Invite.Rebinds");
        }

        // The code is a live credential until used: the outbox forgets it once Telegram has it.
        turn.Reply(new OutboundMessage { Text = text, Secrets = [invite.Code] });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused /invite from Telegram user {UserId}: not an administrator")]
    private partial void LogRefused(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {AdminCode} issued an invite for {OfficialCode}")]
    private partial void LogIssued(string adminCode, string officialCode);
}
