using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Chase;

/// <summary>
/// The sweep's dialogue step, in one short transaction read under the write lock like the case chase: reminders to
/// subscribers before a dialogue starts, then each due question reminded and escalated by <see cref="QuestionChase"/>.
/// Every message has a dedup key, so a run twice or after a crash sends each once; on a shared database the rows are
/// taken with <see cref="DialogueClaims"/>, so two sweeps at once skip each other's rows instead of colliding.
/// </summary>
internal sealed partial class DialogueChaseStep(
    ResidentBotDbContext db,
    DialogueRules rules,
    DialogueResidents residents,
    OfficialNotifier officials,
    OutboxWriter outbox,
    IWriteGate writeGate,
    TimeProvider time,
    ILogger<DialogueChaseStep> logger) : IChaseStep
{
    public const int BatchSize = 500;
    public const string ReminderNotice = "dialogue-reminder";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var view = await rules.GetAsync(cancellationToken);
        if (!await AnythingDueAsync(view, now, cancellationToken))
        {
            return 0; // the usual minute: two index reads, no write lock
        }

        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await RemindSubscribersAsync(view, now, cancellationToken);
        var questions = await DialogueClaims.DueQuestionsAsync(db, now, BatchSize, cancellationToken);
        var dialogueIds = questions.Select(q => q.DialogueId).Distinct().ToList();
        var dialogues = await db.Set<Dialogue>().AsNoTracking().Where(d => dialogueIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        await officials.PrefetchAsync([.. questions.Select(q => q.ResponsibleOfficialId)], cancellationToken);
        foreach (var question in questions)
        {
            var dialogue = dialogues[question.DialogueId];
            await RemindAsync(question, dialogue, view, now, cancellationToken);
            var stuck = !await EscalateAsync(question, dialogue, view, now, cancellationToken);
            view.Questions.AfterChase(question, stuck, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed + questions.Count;
    }

    private async Task<bool> AnythingDueAsync(DialogueView view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = now + view.Options.RemindBefore;
        return await db.Set<DialogueQuestion>().AnyAsync(q => q.NextChaseAt <= now, cancellationToken)
            || await db.Set<DialogueSubscription>().AnyAsync(s => s.RemindedAt == null
                && db.Set<Dialogue>().Any(d => d.Id == s.DialogueId && d.StartsAt <= limit && d.StartsAt > now), cancellationToken);
    }

    private async Task<int> RemindSubscribersAsync(DialogueView view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = now + view.Options.RemindBefore;
        var due = await DialogueClaims.DueRemindersAsync(db, now, limit, BatchSize, cancellationToken);
        var chats = await residents.ChatsAsync([.. due.Select(x => x.Subscription.ResidentId)], cancellationToken);
        foreach (var (subscription, dialogue) in due)
        {
            subscription.RemindedAt = now;
            if (chats.TryGetValue(subscription.ResidentId, out var chat))
            {
                outbox.Enqueue(chat.To, new OutboundMessage
                {
                    Text = chat.T("Dialogue.Reminder", dialogue.Topic, DialogueText.When(view, dialogue), dialogue.Place, DialogueText.Leader(view.Engine, dialogue)),
                    Tag = DialogueTag.For(dialogue.Id),
                    Language = chat.Language,
                    Notice = ReminderNotice,
                    NoticeParams = DialogueText.Params(view, dialogue),
                }, string.Create(CultureInfo.InvariantCulture, $"dialogue-remind:{subscription.Id}"));
            }
        }

        return due.Count;
    }

    private async Task RemindAsync(DialogueQuestion question, Dialogue dialogue, DialogueView view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (view.Questions.ReminderDue(question, now) is not { } reminder)
        {
            return;
        }

        view.Questions.Reminded(question, reminder);
        var key = string.Create(CultureInfo.InvariantCulture, $"dq-remind:{question.Id}:{reminder.Percent}:{reminder.DeadlineAt.UtcTicks}");
        await officials.SendAsync(question.ResponsibleOfficialId, key, chat => new OutboundMessage
        {
            Text = chat.T("Dialogue.Chase.Reminder", question.Id, dialogue.Topic, TimeText.Local(reminder.DeadlineAt, view.Zone), reminder.Percent),
            Tag = DialogueTag.Question(question.Id),
        }, cancellationToken);
    }

    /// <summary>Escalates when due; returns false when the question is overdue but nobody is above to escalate to.</summary>
    private async Task<bool> EscalateAsync(DialogueQuestion question, Dialogue dialogue, DialogueView view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (view.Questions.EscalationDueAt(question) is not { } due || due > now)
        {
            return true;
        }

        var chain = view.Engine.Escalation.For(question.AreaId, question.ResponsibleOfficialId, now);
        if (chain.Count == 0)
        {
            LogNoChain(question.Id, question.ResponsibleOfficialId);
            return false;
        }

        // Past the top of the chain the top keeps being chased, as for cases.
        var link = chain[Math.Min(question.EscalationLevel + 1, chain.Count) - 1];
        view.Questions.Escalated(question, link.Level, now);
        var responsible = view.Engine.Directory.OfficialsById.GetValueOrDefault(question.ResponsibleOfficialId)?.Title ?? "?";
        var key = string.Create(CultureInfo.InvariantCulture, $"dq-escalate:{question.Id}:{link.Level}:{due.UtcTicks}");
        await officials.SendAsync(link.Official.Id, key, chat => new OutboundMessage
        {
            Text = chat.T("Dialogue.Chase.Escalation", question.Id, link.Level, TimeText.Duration(chat.Language, now - question.AnswerDueAt),
                responsible, dialogue.Topic, question.Text),
            Tag = DialogueTag.Question(question.Id),
        }, cancellationToken);
        if (await residents.ChatAsync(question.ResidentId, cancellationToken) is { } asker)
        {
            outbox.Enqueue(asker.To, new OutboundMessage
            {
                Text = asker.T("Dialogue.Resident.Escalated", question.Id, dialogue.Topic, link.Official.Title),
                Tag = DialogueTag.Question(question.Id),
                Language = asker.Language,
                Notice = "dialogue-update",
            }, key + ":resident");
        }

        LogEscalated(question.Id, link.Level, link.Official.Id);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question {QuestionId} is overdue but nobody is above official {OfficialId} in the escalation chain")]
    private partial void LogNoChain(long questionId, int officialId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Question {QuestionId} escalated to level {Level}, official {SupervisorId}")]
    private partial void LogEscalated(long questionId, int level, int supervisorId);
}
