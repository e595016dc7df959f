namespace ResidentBot.Bot.Outbox;

/// <summary>
/// A person to send to, through the identity chosen to reach them (<see cref="Routing.Identities.Reachability.Choose"/>):
/// the chat on that channel, whether the channel is thought to reach them now (if not, the message waits for their next
/// interaction) and who they are, so a waiting message can move to the channel they come back on.
/// </summary>
internal sealed record Addressee(string Channel, string Recipient, bool Reachable, int? ResidentId = null, int? OfficialId = null);
