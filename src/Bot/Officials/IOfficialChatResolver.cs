using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Officials;

/// <summary>
/// Where messages to an official go: their Telegram chat when they have one, otherwise a chat bound on another
/// channel (the web chat demo's official conversations). Null when the official is not onboarded anywhere.
/// </summary>
internal interface IOfficialChatResolver
{
    Task<OfficialChat?> ResolveAsync(Official official, CancellationToken cancellationToken);
}

/// <param name="UserId">The official's user id on that channel (the resident identity that holds their language).</param>
internal sealed record OfficialChat(string Channel, string ChatId, string UserId);
