using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Waiting;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Conversations.AddInformation;

/// <summary>
/// Adds what the resident sent (text and/or photos) to their open case: an InformationAdded event, the
/// photos as attachments, and a forward to the accountable official.
/// </summary>
internal sealed class InformationAdder(OfficialNotifier officials, PhotoPolicy photos, ButtonCodec codec, CasePause pause, CurrentRouting routing)
{
    /// <summary>Returns false (and explains) when the message carries nothing to add or a photo is too large.</summary>
    public async Task<bool> AddAsync(Turn turn, Case @case, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        var text = message.Text?.Trim();
        if (message.Kind is not (InboundKind.Text or InboundKind.Photo) || (string.IsNullOrEmpty(text) && message.Photos.Count == 0))
        {
            return false;
        }

        // What can be kept is added; a photo that cannot is explained, and the resident's words are never dropped for it.
        var refusal = photos.Refusal(turn);
        var kept = photos.Kept(turn);
        if (refusal is not null && string.IsNullOrEmpty(text) && kept.Count == 0)
        {
            turn.Reply(refusal);
            return true;
        }

        if (!@case.Status.IsActive())
        {
            turn.Reply(turn.T("Resident.Add.NotOpen", @case.TrackingCode));
            return true;
        }

        @case.Record(CaseEventKind.InformationAdded, Actor.Resident(turn.Resident.Id), turn.Now, string.IsNullOrEmpty(text) ? null : text);
        foreach (var photo in kept)
        {
            @case.Attach(new CaseAttachment
            {
                Channel = message.Channel, FileRef = photo.FileRef, ContentType = photo.ContentType, AddedBy = ActorKind.Resident, AddedAt = turn.Now,
            });
        }

        await officials.ForwardFromResidentAsync(@case, string.IsNullOrEmpty(text) ? null : text, kept, cancellationToken);
        var resumed = await ResumeIfWaitingAsync(turn, @case, cancellationToken);
        var title = await turn.Db.Officials.Where(o => o.Id == @case.AccountableOfficialId).Select(o => o.Title).FirstOrDefaultAsync(cancellationToken);
        turn.Reply(new OutboundMessage
        {
            Text = turn.T(turn.Capabilities.Choose("Resident.Add.Added"), @case.TrackingCode, title) + resumed,
            Tag = CaseTag.For(@case.Id),
            Buttons = [[codec.Button(turn.T("Resident.Report.PhotosDone"), AddInformationButtons.Done, string.Empty, message.UserId)]],
        });
        if (refusal is not null)
        {
            turn.Reply(refusal);
        }

        return true;
    }

    // The answer the official was waiting for: the resolve clock runs again with the time it had left.
    private async Task<string> ResumeIfWaitingAsync(Turn turn, Case @case, CancellationToken cancellationToken)
    {
        if (@case.Status != CaseStatus.WaitingForResident)
        {
            return string.Empty;
        }

        var due = await pause.ResumeAsync(@case, Actor.Resident(turn.Resident.Id), turn.Now, tellOfficial: true, cancellationToken);
        var zone = (await routing.GetAsync(cancellationToken)).Calendar.TimeZone;
        return "\n\n" + turn.T("Resident.Waiting.Resumed", @case.TrackingCode, TimeText.Local(due, zone));
    }
}
