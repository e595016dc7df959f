using System.Globalization;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence.Residents;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>
/// Handles <c>/start &lt;code&gt;</c> when the code is an official's invite: binds the sender's Telegram account
/// to the official, or says clearly why not. Returns false for deep links that are not invites.
/// Meant to implement the residents' <c>IInviteRedeemer</c> once both branches are merged.
/// </summary>
internal sealed class InviteRedeemer(OfficialInvites invites) : IInviteRedeemer
{
    public async Task<bool> TryRedeemAsync(Turn turn, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (code is null || !code.StartsWith(OfficialInvites.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (turn.Message.Channel != ChannelNames.Telegram
            || !long.TryParse(turn.Message.UserId, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            turn.Reply(turn.T("Official.Invite.Unknown"));
            return true;
        }

        var (outcome, official, previous) = await invites.RedeemAsync(code, userId, ct);
        if (previous is { } account)
        {
            await TellPreviousAccountAsync(turn, account, official!, ct);
        }

        turn.Reply(outcome switch
        {
            RedeemOutcome.Bound => turn.T("Official.Invite.Welcome", official!.FullName, official.Title),
            RedeemOutcome.Used => turn.T("Official.Invite.Used"),
            RedeemOutcome.Expired => turn.T("Official.Invite.Expired"),
            RedeemOutcome.AccountBoundElsewhere => turn.T("Official.Invite.AccountTaken", official!.Title),
            _ => turn.T("Official.Invite.Unknown"),
        });
        return true;
    }

    // Whoever held the post hears that it moved, in their language: a binding never changes behind anyone's back.
    private static async Task TellPreviousAccountAsync(Turn turn, long account, Official official, CancellationToken ct)
    {
        var chat = account.ToString(CultureInfo.InvariantCulture);
        var language = (await turn.Db.LanguagesOfAsync(ChannelNames.Telegram, [chat], ct)).GetValueOrDefault(chat) ?? Texts.Vietnamese;
        turn.Outbox.Enqueue(ChannelNames.Telegram, chat, new OutboundMessage { Text = Texts.Format(language, "Official.Invite.MovedAway", official.Title) });
    }
}
