using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Residents;

namespace ResidentBot.Bot.Officials.Resolve;

/// <summary>
/// The result note (and photos where the category asks for them), gathered over the official's messages until the
/// proof is complete; <see cref="ResolveOperation"/> decides and acts, as it does for the console.
/// </summary>
internal sealed class ResolveFlow(ResolveOperation resolve, PhotoPolicy photoPolicy) : IFlowHandler
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
        if (draft is null || turn.Official is null)
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
        var outcome = await resolve.RunAsync(ActingOfficial.Of(turn), draft.CaseId, draft.Note, draft.Photos!, cancellationToken);
        switch (outcome.Result)
        {
            case CaseActionResult.Incomplete:
                turn.MoveTo("note", draft);
                turn.Reply(outcome.Text);
                break;
            case CaseActionResult.Done:
                turn.EndFlow();
                turn.Reply(outcome.Text);
                break;
            default:
                CaseAccess.Refuse(turn, outcome.Text);
                break;
        }
    }
}
