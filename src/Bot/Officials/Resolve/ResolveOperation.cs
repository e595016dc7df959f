using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Chase.Waiting;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;

namespace ResidentBot.Bot.Officials.Resolve;

/// <summary>
/// "Đã xử lý" with its note (and the photos the category may ask for), for the bot and the console alike: until the
/// proof is complete the case is untouched and the official is told what is missing; then the case is resolved, the
/// resident gets the note and photos and is asked to confirm, and the cards are refreshed.
/// </summary>
internal sealed class ResolveOperation(CaseAccess access, CaseCards cards, ResidentNotifier residents, CasePause pause, CurrentRouting routing)
{
    public async Task<CaseActionOutcome> RunAsync(ActingOfficial who, long caseId, string? note, IReadOnlyList<ResultPhoto> photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(photos);
        var (@case, refusal) = await access.CheckAsync(who, caseId, CaseAction.Resolve, cancellationToken);
        if (@case is null)
        {
            return CaseActionOutcome.Refused(refusal!);
        }

        var category = (await routing.GetAsync(cancellationToken)).Directory.CategoriesById.GetValueOrDefault(@case.CategoryId);
        var required = category?.ResolveEvidence ?? ResolveEvidence.None;
        var gap = ResolveProof.Missing(required, note, photos.Count);
        if (gap != EvidenceGap.None)
        {
            return CaseActionOutcome.Incomplete(@case, Missing(who, @case, category, gap, photos.Count));
        }

        var official = Actor.Official(who.Official.Id);
        var attachments = photos.Select(p => new CaseAttachment
        {
            Channel = p.Channel, FileRef = p.FileRef, ContentType = p.ContentType, AddedBy = ActorKind.Official, AddedAt = who.Now,
        }).ToList();
        if (@case.Status == CaseStatus.WaitingForResident)
        {
            // The official went on without the resident's answer: the paused time still does not count against them.
            await pause.ResumeAsync(@case, official, who.Now, tellOfficial: false, cancellationToken);
        }

        if (access.TryApply(who, @case, () => @case.Resolve(official, note!, who.Now, required, attachments)) is { } illegal)
        {
            return CaseActionOutcome.Refused(illegal);
        }

        await residents.SendResultPhotosAsync(@case, attachments, cancellationToken);
        await residents.AskToConfirmAsync(@case, cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        return CaseActionOutcome.Done(@case, who.T("Official.Resolve.Done", @case.TrackingCode));
    }

    private static string Missing(ActingOfficial who, Case @case, Category? category, EvidenceGap gap, int photoCount)
    {
        var name = category is null ? string.Empty : ResidentWords.Category(who.Language, category);
        return gap switch
        {
            EvidenceGap.Photo => who.T("Official.Resolve.MissingPhoto", @case.TrackingCode, name),
            EvidenceGap.DetailedNote => who.T("Official.Resolve.MissingDetail", @case.TrackingCode, name, ResolveProof.MinimumNoteLength),
            _ when photoCount > 0 => who.T("Official.Resolve.MissingNote", @case.TrackingCode),
            _ => who.T("Official.NeedText"),
        };
    }
}
