using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.AddInformation;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Conversations.Confirmation;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Identities;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Notifications;

/// <summary>
/// Everything the bot tells a resident about their case, in the resident's language, on the channel they reported
/// through. Only queues messages in the outbox of the caller's unit of work; the caller saves. A resident no channel
/// can send to (an Open311 client's reporter: their only identity is on a channel nothing sends on) is a known outcome,
/// not a failure: nothing is queued, so nothing is retried or waits, and the client reads the case instead.
/// </summary>
internal sealed partial class ResidentNotifier(
    ResidentBotDbContext db, OutboxWriter outbox, ButtonCodec codec, IEnumerable<IChannelSender> senders, ILogger<ResidentNotifier> logger)
{
    private readonly HashSet<string> enabled = [.. senders.Select(s => s.Channel)];
    private readonly Dictionary<long, (Addressee To, string Language)> prefetched = [];

    /// <summary>
    /// Reads the recipients of these residents in one query, for a unit of work about to notify many of them (the
    /// chase); later notices in this scope use what was read. Without it each notice reads its recipient.
    /// </summary>
    public async Task PrefetchAsync(IReadOnlyCollection<long> residentIds, CancellationToken cancellationToken)
    {
        if (residentIds.Count == 0)
        {
            return;
        }

        var residents = await db.Residents.AsNoTracking().Include(r => r.Identities)
            .Where(r => residentIds.Contains(r.Id)).ToListAsync(cancellationToken);
        foreach (var resident in residents)
        {
            if (Recipient(resident) is { } recipient)
            {
                prefetched[resident.Id] = recipient;
            }
        }
    }

    /// <summary>A text from the resource files (key and format arguments), about <paramref name="case"/>.</summary>
    public async Task NotifyAsync(Case @case, string textKey, IReadOnlyList<object?> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        List<(Addressee To, string Language)> recipients = [.. await RecipientAsync(@case, cancellationToken) is { } resident ? [resident] : Array.Empty<(Addressee, string)>(),
            .. await FollowersAsync(@case, cancellationToken)];
        foreach (var (to, language) in recipients)
        {
            outbox.Enqueue(to, new OutboundMessage { Text = Texts.Format(language, textKey, [.. args]), Tag = CaseTag.For(@case.Id) });
        }
    }

    /// <summary>Relays an official's reply (text and/or photos) to the resident, naming the official by title only.</summary>
    public async Task RelayReplyAsync(Case @case, string officialTitle, string? text, IReadOnlyList<InboundFile> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(photos);
        if (await RecipientAsync(@case, cancellationToken) is not var (to, language))
        {
            return;
        }

        var tag = CaseTag.For(@case.Id);
        var header = Texts.Format(language, "Resident.ReplyFromOfficial", @case.TrackingCode, officialTitle);
        outbox.Enqueue(to, new OutboundMessage { Text = $"{header}\n\n{text}".TrimEnd(), Tag = tag });
        foreach (var photo in photos.Where(p => p.FileRef.Length > 0))
        {
            outbox.Enqueue(to, new OutboundMessage { PhotoRef = photo.FileRef, Tag = tag });
        }
    }

    /// <summary>After Resolve: shows the result note and asks whether the problem is fixed, with Yes / No buttons.</summary>
    public async Task AskToConfirmAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (await RecipientAsync(@case, cancellationToken) is { } resident)
        {
            AskToConfirm(@case, resident);
        }

        foreach (var follower in await FollowersAsync(@case, cancellationToken))
        {
            AskToConfirm(@case, follower);
        }
    }

    private void AskToConfirm(Case @case, (Addressee To, string Language) recipient)
    {
        var (to, language) = recipient;
        var id = @case.Id.ToString(CultureInfo.InvariantCulture);
        // In a private chat the chat id is the user id, so the buttons are signed for the resident alone.
        outbox.Enqueue(to, new OutboundMessage
        {
            Text = Texts.Format(language, "Resident.AskToConfirm", @case.TrackingCode, @case.ResolutionNote),
            Tag = CaseTag.For(@case.Id),
            Language = language,
            Buttons =
            [[
                codec.Button(Texts.Get(language, "Resident.Confirm.Yes"), ConfirmationButtons.Yes, id, to.Recipient),
                codec.Button(Texts.Get(language, "Resident.Confirm.No"), ConfirmationButtons.No, id, to.Recipient),
            ]],
        });
    }

    /// <summary>
    /// A notice the resident can answer at once: the text with the "➕ Bổ sung" button of the case (the official's
    /// question while the case waits for them, and its reminder).
    /// </summary>
    public async Task AskForInformationAsync(Case @case, string textKey, IReadOnlyList<object?> args, string? dedupKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (await RecipientAsync(@case, cancellationToken) is not var (to, language))
        {
            return;
        }

        var id = @case.Id.ToString(CultureInfo.InvariantCulture);
        outbox.Enqueue(to, new OutboundMessage
        {
            Text = Texts.Format(language, textKey, [.. args]),
            Tag = CaseTag.For(@case.Id),
            Language = language,
            Buttons = [[codec.Button(Texts.Format(language, "Resident.Add.Button", @case.TrackingCode), AddInformationButtons.Add, id, to.Recipient)]],
        }, dedupKey);
    }

    /// <summary>
    /// The photos of the result an official sent with the resolve, before the confirmation question. Stored photos
    /// (<c>attachment:</c>) reach every channel; an old channel file reference only its own channel.
    /// </summary>
    public async Task SendResultPhotosAsync(Case @case, IReadOnlyList<CaseAttachment> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(photos);
        List<(Addressee To, string Language)> recipients = [.. await RecipientAsync(@case, cancellationToken) is { } resident ? [resident] : Array.Empty<(Addressee, string)>(),
            .. await FollowersAsync(@case, cancellationToken)];
        foreach (var (to, language) in recipients)
        {
            foreach (var photo in photos.Where(p => p.Channel == to.Channel || p.FileRef.StartsWith(Attachments.IAttachmentStore.RefPrefix, StringComparison.Ordinal)))
            {
                outbox.Enqueue(to, new OutboundMessage
                {
                    PhotoRef = photo.FileRef, Text = Texts.Format(language, "Resident.ResultPhoto", @case.TrackingCode), Tag = CaseTag.For(@case.Id),
                });
            }
        }
    }

    /// <summary>
    /// The residents following the case (issue 15): they hear its notices and the confirmation question, not the
    /// official's replies or questions, which are for the resident who reported it.
    /// </summary>
    private async Task<List<(Addressee To, string Language)>> FollowersAsync(Case @case, CancellationToken cancellationToken)
    {
        var ids = await db.CaseFollowers.AsNoTracking().Where(f => f.CaseId == @case.Id).Select(f => f.ResidentId).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var residents = await db.Residents.AsNoTracking().Include(r => r.Identities)
            .Where(r => ids.Contains(r.Id) && r.Identities.Count > 0).ToListAsync(cancellationToken);
        return [.. residents.Select(Recipient).OfType<(Addressee, string)>()];
    }

    /// <summary>The resident's identity that reaches them now (null: none on an enabled channel; the case log keeps what happened).</summary>
    private async Task<(Addressee To, string Language)?> RecipientAsync(Case @case, CancellationToken cancellationToken)
    {
        if (prefetched.TryGetValue(@case.ResidentId, out var known))
        {
            return known;
        }

        var resident = await db.Residents.Include(r => r.Identities).SingleAsync(r => r.Id == @case.ResidentId, cancellationToken);
        if (Recipient(resident) is { } recipient)
        {
            return recipient;
        }

        LogNoChannel(@case.TrackingCode, resident.Id);
        return null;
    }

    private (Addressee To, string Language)? Recipient(Resident resident) =>
        Reachability.Choose(resident.Identities, enabled.Contains) is var (identity, reachable)
            ? (new Addressee(identity.Channel, ((IChannelIdentity)identity).Recipient, reachable, ResidentId: resident.Id), resident.Language)
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingCode}: resident {ResidentId} has no channel to send to; the notice is in the case log only")]
    private partial void LogNoChannel(string trackingCode, int residentId);
}
