using ResidentBot.Bot.Channels;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Residents;

/// <summary>
/// Everything the bot tells a resident about their case, in the resident's language. Implementations only
/// queue messages in the outbox of the caller's unit of work; the caller saves.
/// </summary>
internal interface IResidentInbox
{
    /// <summary>
    /// Reads the recipients of these residents in one query, for a unit of work about to notify many of them (the
    /// chase); later notices in this scope use what was read. Without it each notice reads its recipient.
    /// </summary>
    Task PrefetchAsync(IReadOnlyCollection<long> residentIds, CancellationToken cancellationToken);

    /// <summary>A text from the resource files (key and format arguments), about <paramref name="case"/>.</summary>
    Task NotifyAsync(Case @case, string textKey, IReadOnlyList<object?> args, CancellationToken cancellationToken);

    /// <summary>Relays an official's reply (text and/or photos) to the resident, naming the official by title only.</summary>
    Task RelayReplyAsync(Case @case, string officialTitle, string? text, IReadOnlyList<InboundFile> photos, CancellationToken cancellationToken);

    /// <summary>After Resolve: shows the result note and asks "Đã được khắc phục chưa?" with Yes / No buttons.</summary>
    Task AskToConfirmAsync(Case @case, CancellationToken cancellationToken);
}
