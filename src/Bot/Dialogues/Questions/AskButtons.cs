using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>
/// "Gửi câu hỏi": first who should answer (the leader, or the official accountable for a category the resident picks),
/// then the words. Argument of the pick: <c>dialogueId.categoryId</c>, 0 for the leader.
/// </summary>
internal sealed class AskButtons(DialogueRules rules, ButtonCodec codec) : IButtonHandler
{
    public const string Flow = "dialogue.ask";

    public IReadOnlyCollection<string> Actions { get; } = [DialogueActions.Ask, DialogueActions.Category];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var view = await rules.GetAsync(cancellationToken);
        var parts = argument.Split('.');
        var dialogue = DialogueTag.TryId(parts[0], out var id)
            ? await turn.Db.Set<Dialogue>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            : null;
        if (dialogue is null || !dialogue.TakesQuestions(turn.Now))
        {
            turn.ButtonAnswer = (turn.T(dialogue is null ? "Dialogue.Expired" : "Dialogue.Ended"), true);
            return;
        }

        if (action == DialogueActions.Ask)
        {
            OfferWho(turn, view, dialogue);
            return;
        }

        int? category = parts.Length == 2 && DialogueTag.TryId(parts[1], out var c) && c > 0 && view.Engine.Directory.CategoriesById.ContainsKey(c) ? c : null;
        if (parts.Length != 2 || (category is null && parts[1] != "0"))
        {
            turn.ButtonAnswer = (turn.T("Dialogue.Expired"), true);
            return;
        }

        turn.StartFlow(Flow, "text", new AskDraft(dialogue.Id, category));
        turn.Reply(turn.T("Dialogue.Ask.Write", dialogue.Topic, DialogueQuestion.MinTextLength, DialogueQuestion.MaxTextLength), KeyboardKind.Remove);
    }

    private void OfferWho(Turn turn, DialogueView view, Dialogue dialogue)
    {
        var prefix = DialogueTag.Id(dialogue.Id) + ".";
        var user = turn.Message.UserId;
        IReadOnlyList<OutboundButton> leader =
            [codec.Button(turn.T("Dialogue.Ask.ToLeader", DialogueText.Leader(view.Engine, dialogue)), DialogueActions.Category, prefix + "0", user)];
        turn.Reply(new OutboundMessage
        {
            Text = turn.T("Dialogue.Ask.Who", dialogue.Topic),
            Buttons = [leader, .. view.Engine.Directory.Categories
                .Select(c => codec.Button(ResidentWords.Category(turn.Language, c), DialogueActions.Category,
                    prefix + c.Id.ToString(CultureInfo.InvariantCulture), user))
                .Chunk(2).Select(row => (IReadOnlyList<OutboundButton>)row)],
        });
    }
}
