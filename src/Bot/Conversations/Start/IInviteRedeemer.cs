namespace ResidentBot.Bot.Conversations.Start;

/// <summary>
/// Redeems the code of <c>/start CODE</c> (an official's invite link). The officials feature implements it;
/// without one, or when no redeemer takes the code, the sender is greeted as a resident.
/// </summary>
internal interface IInviteRedeemer
{
    /// <summary>Returns true when the code was an invite and the turn has been answered.</summary>
    Task<bool> TryRedeemAsync(Turn turn, string code, CancellationToken ct);
}
