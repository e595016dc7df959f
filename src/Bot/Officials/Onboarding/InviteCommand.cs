using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>
/// /invite &lt;officialCode&gt;: an administrator (a bound official whose account is listed in Admin:Identities or
/// Admin:TelegramUserIds) gets a one-time code with the way in on every enabled channel.
/// </summary>
internal sealed partial class InviteCommand(
    OfficialInvites invites,
    IEnumerable<IChannelEntry> entries,
    CurrentRouting routing,
    IOptionsSnapshot<AdminOptions> admins,
    ILogger<InviteCommand> logger) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["invite"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.Official is not { } admin || !admins.Value.IsAdmin(turn.Message.Channel, turn.Message.UserId))
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

        if (!entries.Any(e => e.For(OfficialInvites.Prefix) is not null))
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
            TimeText.Local(invite.ExpiresAt, (await routing.GetAsync(cancellationToken)).Calendar.TimeZone), EntryLines(turn, invite.Code));
        if (invite.Official.Identities.Count > 0)
        {
            text += "\n\n" + turn.T("Official.Invite.Rebinds");
        }

        // The code is a live credential until used: the outbox forgets it once Telegram has it.
        turn.Reply(new OutboundMessage { Text = text, Secrets = [invite.Code] });
    }

    /// <summary>One line per enabled channel: its link, and the code to send where the link cannot carry it.</summary>
    private string EntryLines(Turn turn, string code) => string.Join("\n", entries
        .Select(e => e.For(code)).OfType<ChannelEntryPoint>()
        .Select(p => p.CodeInLink
            ? turn.T("Official.Invite.Entry", ChannelTitle(turn, p.Channel), p.Url)
            : turn.T("Official.Invite.EntryWithCode", ChannelTitle(turn, p.Channel), p.Url, code)));

    private static string ChannelTitle(Turn turn, string channel) => turn.T($"Channel.Name.{channel}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused /invite from user {UserId}: not an administrator")]
    private partial void LogRefused(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {AdminCode} issued an invite for {OfficialCode}")]
    private partial void LogIssued(string adminCode, string officialCode);
}
