using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;

namespace ResidentBot.Bot.Officials.Resolve;

/// <summary>
/// "Đã xử lý": asks for a short result note, which the resident will see when asked to confirm, and says up front
/// when the category wants a photo of the result or a detailed note.
/// </summary>
internal sealed class ResolveButton(CaseAccess access, CurrentRouting routing) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [OfficialActions.Resolve];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(turn, argument, CaseAction.Resolve, cancellationToken) is not { } @case)
        {
            return;
        }

        var required = (await routing.GetAsync(cancellationToken)).Directory.CategoriesById.GetValueOrDefault(@case.CategoryId)?.ResolveEvidence;
        turn.StartFlow(ResolveFlow.Name, "note", new ResolveDraft(@case.Id, turn.Message.MessageId));
        turn.Reply(turn.T("Official.Resolve.Ask", @case.TrackingCode) + required switch
        {
            ResolveEvidence.Photo => turn.T("Official.Resolve.NeedsPhoto"),
            ResolveEvidence.Note => turn.T("Official.Resolve.NeedsNote", ResolveProof.MinimumNoteLength),
            _ => string.Empty,
        });
    }
}

/// <summary>What the official has sent towards a resolve so far: kept until the proof the category asks for is complete.</summary>
internal sealed record ResolveDraft(long CaseId, string? CardMessageId, string? Note = null, IReadOnlyList<ResultPhoto>? Photos = null);

internal sealed record ResultPhoto(string Channel, string FileRef, string ContentType);
