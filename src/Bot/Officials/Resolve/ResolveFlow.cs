using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Chase.Waiting;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;

namespace ResidentBot.Bot.Officials.Resolve;

/// <summary>
/// The result note (and photos where the category asks for them): resolves the case and asks the resident to
/// confirm, showing them the note and the photos. Until the proof is complete the case is untouched and the
/// official is told what is missing; what they sent is kept.
/// </summary>
internal sealed class ResolveFlow(
    CaseAccess access, CaseCards cards, ResidentNotifier residents, CasePause pause, CurrentRouting routing, PhotoPolicy photoPolicy) : IFlowHandler
{
    public const string Name = "official.resolve";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        if (photoPolicy.Refusal(turn) is { } refusal)
        {
            turn.Reply(refusal);
            return;
        }

        var draft = turn.Data<ResolveDraft>();
        if (draft is null)
        {
            turn.EndFlow();
            return;
        }

        var text = message.Text?.Trim();
        draft = draft with
        {
            Note = string.IsNullOrEmpty(text) ? draft.Note : text,
            Photos = [.. draft.Photos ?? [], .. photoPolicy.Kept(turn).Where(p => p.FileRef.Length > 0).Select(p => new ResultPhoto(message.Channel, p.FileRef, p.ContentType))],
        };
        if (await access.LoadAsync(turn, draft.CaseId, CaseAction.Resolve, cancellationToken) is not { } @case)
        {
            return;
        }

        var category = (await routing.GetAsync(cancellationToken)).Directory.CategoriesById.GetValueOrDefault(@case.CategoryId);
        var required = category?.ResolveEvidence ?? ResolveEvidence.None;
        var gap = ResolveProof.Missing(required, draft.Note, draft.Photos!.Count);
        if (gap != EvidenceGap.None)
        {
            turn.MoveTo("note", draft);
            turn.Reply(Missing(turn, @case, category, gap, draft));
            return;
        }

        turn.EndFlow();
        var official = Actor.Official(turn.Official!.Id);
        var photos = draft.Photos!.Select(p => new CaseAttachment
        {
            Channel = p.Channel, FileRef = p.FileRef, ContentType = p.ContentType, AddedBy = ActorKind.Official, AddedAt = turn.Now,
        }).ToList();
        if (@case.Status == CaseStatus.WaitingForResident)
        {
            // The official went on without the resident's answer: the paused time still does not count against them.
            await pause.ResumeAsync(@case, official, turn.Now, tellOfficial: false, cancellationToken);
        }

        if (!access.TryApply(turn, @case, () => @case.Resolve(official, draft.Note!, turn.Now, required, photos)))
        {
            return;
        }

        await residents.SendResultPhotosAsync(@case, photos, cancellationToken);
        await residents.AskToConfirmAsync(@case, cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        turn.Reply(turn.T("Official.Resolve.Done", @case.TrackingCode));
    }

    private static string Missing(Turn turn, Case @case, Category? category, EvidenceGap gap, ResolveDraft draft)
    {
        var name = category is null ? string.Empty : ResidentWords.Category(turn.Language, category);
        return gap switch
        {
            EvidenceGap.Photo => turn.T("Official.Resolve.MissingPhoto", @case.TrackingCode, name),
            EvidenceGap.DetailedNote => turn.T("Official.Resolve.MissingDetail", @case.TrackingCode, name, ResolveProof.MinimumNoteLength),
            _ when draft.Photos is { Count: > 0 } => turn.T("Official.Resolve.MissingNote", @case.TrackingCode),
            _ => turn.T("Official.NeedText"),
        };
    }
}
