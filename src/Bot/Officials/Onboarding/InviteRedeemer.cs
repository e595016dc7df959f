using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence.Residents;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>
/// Handles <c>/start &lt;code&gt;</c> (or the code sent as text, where a channel's link cannot carry it) when the code is
/// an official's invite, on any channel: binds the sender's account on that channel to the official, or says clearly why
/// not. Returns false for deep links that are not invites.
/// </summary>
internal sealed class InviteRedeemer(OfficialInvites invites) : IInviteRedeemer
{
    public static bool IsInvite(string? code) => code is not null && code.Trim().StartsWith(OfficialInvites.Prefix, StringComparison.Ordinal);

    public async Task<bool> TryRedeemAsync(Turn turn, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!IsInvite(code))
        {
            return false;
        }

        var message = turn.Message;
        var (outcome, official, previous) = await invites.RedeemAsync(code, message.Channel, message.UserId, message.ChatId, ct);
        if (previous is not null)
        {
            await TellPreviousAccountAsync(turn, previous, official!, ct);
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
    private static async Task TellPreviousAccountAsync(Turn turn, OfficialIdentity account, Official official, CancellationToken ct)
    {
        var language = (await turn.Db.LanguagesOfAsync(account.Channel, [account.ExternalId], ct)).GetValueOrDefault(account.ExternalId) ?? Texts.Vietnamese;
        turn.Outbox.Enqueue(account.Channel, account.ChatId, new OutboundMessage { Text = Texts.Format(language, "Official.Invite.MovedAway", official.Title) });
    }
}

/// <summary>An invite code sent as plain text (a channel whose link cannot carry <c>/start code</c>, or pasted by hand).</summary>
internal sealed class InviteCodeInput(InviteRedeemer redeemer) : IInputHandler
{
    public async Task<bool> TryHandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Message.Kind == InboundKind.Text && InviteRedeemer.IsInvite(turn.Message.Text)
            && await redeemer.TryRedeemAsync(turn, turn.Message.Text!.Trim(), cancellationToken);
    }
}
