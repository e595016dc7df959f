using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>"Nhắc tôi": the resident is reminded before the dialogue starts (at once when that time has already come).</summary>
internal sealed class SubscribeButton(DialogueRules rules) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [DialogueActions.Subscribe];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var dialogue = DialogueTag.TryId(argument, out var id)
            ? await turn.Db.Set<Dialogue>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            : null;
        if (dialogue is null || !dialogue.TakesQuestions(turn.Now))
        {
            turn.ButtonAnswer = (turn.T(dialogue is null ? "Dialogue.Expired" : "Dialogue.Ended"), true);
            return;
        }

        var view = await rules.GetAsync(cancellationToken);
        var when = DialogueText.When(view, dialogue);
        var subscriptions = turn.Db.Set<DialogueSubscription>();
        if (await subscriptions.AnyAsync(s => s.DialogueId == dialogue.Id && s.ResidentId == turn.Resident.Id, cancellationToken))
        {
            turn.ButtonAnswer = (turn.T("Dialogue.Subscribe.Already", when), false);
            return;
        }

        // After the reminder time the confirmation is the reminder: nobody gets two messages a minute apart.
        var late = dialogue.StartsAt - view.Options.RemindBefore <= turn.Now;
        subscriptions.Add(new DialogueSubscription
        {
            DialogueId = dialogue.Id, ResidentId = turn.Resident.Id, SubscribedAt = turn.Now, RemindedAt = late ? turn.Now : null,
        });
        turn.ButtonAnswer = (turn.T("Dialogue.Subscribe.Done.Short"), false);
        turn.Reply(turn.T("Dialogue.Subscribe.Done", dialogue.Topic, when, dialogue.Place));
    }
}
