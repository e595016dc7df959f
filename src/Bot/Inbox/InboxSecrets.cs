using System.Text.Json;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Bot.Outbox;

namespace ResidentBot.Bot.Inbox;

/// <summary>
/// An update can carry a credential (<c>/start inv_…</c>, an official's invite code): once handled, the stored entry
/// keeps that the command came, from whom and when, without the code. A code whose redemption was refused (the
/// account already holds another post) would otherwise stay redeemable by anyone reading the database until it expires.
/// </summary>
internal static class InboxSecrets
{
    /// <summary>The entry's payload without the credential it carried, or null when it carries none.</summary>
    public static string? Scrub(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is not { Kind: InboundKind.Command, Command: "start", CommandArgs: { } code } || !code.StartsWith(OfficialInvites.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var scrubbed = message with
        {
            CommandArgs = OutboxSecrets.Placeholder,
            Text = message.Text?.Replace(code, OutboxSecrets.Placeholder, StringComparison.Ordinal),
        };
        return JsonSerializer.Serialize(scrubbed, InboxPayload.Json);
    }
}
