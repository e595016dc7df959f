using ResidentBot.Bot.Channels;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials;

/// <summary>
/// Everything the bot tells officials about a case. Implementations only queue messages in the outbox of
/// the caller's unit of work; the caller saves.
/// </summary>
internal interface IOfficialInbox
{
    /// <summary>Sends the case card (with its action buttons) to the case's accountable official: new, transferred, reassigned or reopened.</summary>
    Task SendCaseCardAsync(Case @case, CancellationToken cancellationToken);

    /// <summary>Forwards what the resident added to an open case (text and/or photos) to the accountable official.</summary>
    Task ForwardFromResidentAsync(Case @case, string? text, IReadOnlyList<InboundFile> photos, CancellationToken cancellationToken);
}
