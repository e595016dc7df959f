using ResidentBot.Bot.Attachments;

namespace ResidentBot.Bot.Tests.Fakes;

/// <summary>An attachment store holding nothing, for sender tests that send no stored photo (those run the real store in a host).</summary>
internal sealed class NoAttachments : IAttachmentStore
{
    public static readonly NoAttachments Instance = new();

    public Task<AttachmentContent?> OpenAsync(string photoRef, CancellationToken cancellationToken) => Task.FromResult<AttachmentContent?>(null);

    public Task<string?> CopyOnAsync(string photoRef, string channel, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task RememberCopyAsync(string photoRef, string channel, string? channelRef, CancellationToken cancellationToken) => Task.CompletedTask;
}
