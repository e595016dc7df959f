using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>
/// The card the responsible official answers a question from, kept true: with a "Trả lời" button while unanswered,
/// edited to show the answer (and no button) once it is given. Only queues messages; the caller saves.
/// </summary>
internal sealed class QuestionCards(ResidentBotDbContext db, OfficialNotifier officials, OutboxWriter outbox, ButtonCodec codec)
{
    public static string CardTag(long questionId) => DialogueTag.Question(questionId) + ":card";

    public async Task SendAsync(DialogueQuestion question, Dialogue dialogue, DialogueView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        await officials.SendAsync(question.ResponsibleOfficialId, null, chat => new OutboundMessage
        {
            Text = Text(chat, question, dialogue, view),
            Buttons = [[codec.Button(chat.T("Dialogue.Card.Answer"), DialogueActions.Answer, DialogueTag.Id(question.Id), chat.ChatId)]],
            Tag = CardTag(question.Id),
        }, cancellationToken);
    }

    /// <summary>Edits every delivered card of the question to show it as it is now.</summary>
    public async Task RefreshAsync(DialogueQuestion question, Dialogue dialogue, DialogueView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tag = CardTag(question.Id);
        var delivered = await db.OutboxMessages.AsNoTracking().Where(m => m.Tag == tag && m.ExternalMessageId != null)
            .OrderBy(m => m.Id).Select(m => new { m.Channel, m.Recipient, m.ExternalMessageId }).ToListAsync(cancellationToken);
        foreach (var card in delivered.Distinct())
        {
            var chat = await officials.ChatOfAsync(question.ResponsibleOfficialId, cancellationToken);
            var language = chat?.Language ?? Resources.Texts.Vietnamese;
            outbox.Enqueue(card.Channel, card.Recipient, new OutboundMessage
            {
                EditMessageId = card.ExternalMessageId,
                Text = Text(new OfficialChat(question.ResponsibleOfficialId, card.Channel, card.Recipient, language), question, dialogue, view),
                Tag = tag,
            });
        }
    }

    private static string Text(OfficialChat chat, DialogueQuestion question, Dialogue dialogue, DialogueView view)
    {
        var card = chat.T("Dialogue.Card.Text", question.Id, dialogue.Topic, DialogueText.When(view, dialogue), question.Text,
            TimeText.Local(question.AnswerDueAt, view.Zone));
        var category = question.CategoryId is { } id && view.Engine.Directory.CategoriesById.TryGetValue(id, out var c)
            ? "\n" + chat.T("Dialogue.Card.Category", Residents.ResidentWords.Category(chat.Language, c))
            : string.Empty;
        return question.IsAnswered
            ? card + category + "\n\n" + chat.T("Dialogue.Card.Answered", TimeText.Local(question.AnsweredAt!.Value, view.Zone), question.Answer)
            : card + category;
    }
}
