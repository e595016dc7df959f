using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Reply;

/// <summary>
/// An official's words (and photos) to the resident, for the bot and the console alike: the resident hears them on
/// their own channel, the case log keeps them, and the photos stay with the case (the official's evidence).
/// </summary>
internal sealed class ReplyOperation(CaseAccess access, ResidentNotifier residents)
{
    /// <summary>Checks that the official may reply, then sends.</summary>
    public async Task<CaseActionOutcome> RunAsync(ActingOfficial who, long caseId, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (string.IsNullOrWhiteSpace(text))
        {
            return CaseActionOutcome.Refused(who.T("Official.NeedText"));
        }

        var (@case, refusal) = await access.CheckAsync(who, caseId, CaseAction.Reply, cancellationToken);
        return @case is null ? CaseActionOutcome.Refused(refusal!) : await SendAsync(who, @case, text.Trim(), [], cancellationToken);
    }

    /// <summary>Sends to a case already checked (the bot's flow checks as the reply arrives).</summary>
    public async Task<CaseActionOutcome> SendAsync(ActingOfficial who, Case @case, string? text, IReadOnlyList<InboundFile> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(photos);
        await residents.RelayReplyAsync(@case, who.Official.Title, text, photos, cancellationToken);
        @case.Record(CaseEventKind.RepliedToResident, Actor.Official(who.Official.Id), who.Now,
            string.IsNullOrEmpty(text) ? $"[{photos.Count} photo(s)]" : text);
        foreach (var photo in photos)
        {
            @case.Attach(new CaseAttachment
            {
                Channel = who.Channel, FileRef = photo.FileRef, ContentType = photo.ContentType, AddedBy = ActorKind.Official, AddedAt = who.Now,
            });
        }

        return CaseActionOutcome.Done(@case, who.T("Official.Reply.Sent", @case.TrackingCode));
    }
}
