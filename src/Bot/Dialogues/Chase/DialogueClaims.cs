using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Cluster;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Chase;

/// <summary>
/// The questions and subscriptions a dialogue chase acts on, taken for its transaction, as <see cref="Bot.Chase.ChaseClaims"/>
/// takes cases. SQLite takes the write lock at BEGIN, so concurrent sweeps already queue. When several hosts share the
/// database each row is locked as it is read and a row another sweep holds is skipped, so two sweeps at once (a run that
/// outlasted its minute, a retry after a crash) never both remind or escalate one question: without the locks the second
/// failed on the outbox's unique dedup key and its whole transaction was rolled back.
/// </summary>
internal static class DialogueClaims
{
    public static async Task<List<DialogueQuestion>> DueQuestionsAsync(ResidentBotDbContext db, DateTimeOffset now, int batch, CancellationToken cancellationToken)
    {
        if (!ClusterNode.MayBeShared(db))
        {
            return await db.Set<DialogueQuestion>().Where(q => q.NextChaseAt <= now).OrderBy(q => q.NextChaseAt).Take(batch).ToListAsync(cancellationToken);
        }

        // EF has no operator for FOR UPDATE SKIP LOCKED (dotnet/efcore#26042).
        return await db.Set<DialogueQuestion>().FromSql(
            $"""SELECT * FROM "DialogueQuestions" WHERE "NextChaseAt" <= {now} ORDER BY "NextChaseAt" LIMIT {batch} FOR UPDATE SKIP LOCKED""")
            .ToListAsync(cancellationToken);
    }

    /// <summary>Subscriptions not yet reminded of a dialogue that starts after <paramref name="now"/> and by <paramref name="limit"/>, with their dialogue.</summary>
    public static async Task<List<(DialogueSubscription Subscription, Dialogue Dialogue)>> DueRemindersAsync(
        ResidentBotDbContext db, DateTimeOffset now, DateTimeOffset limit, int batch, CancellationToken cancellationToken)
    {
        if (!ClusterNode.MayBeShared(db))
        {
            var rows = await db.Set<DialogueSubscription>()
                .Join(db.Set<Dialogue>(), s => s.DialogueId, d => d.Id, (s, d) => new { Subscription = s, Dialogue = d })
                .Where(x => x.Subscription.RemindedAt == null && x.Dialogue.StartsAt <= limit && x.Dialogue.StartsAt > now)
                .Take(batch).ToListAsync(cancellationToken);
            return [.. rows.Select(x => (x.Subscription, x.Dialogue))];
        }

        var subscriptions = await db.Set<DialogueSubscription>().FromSql(
            $"""
            SELECT s.* FROM "DialogueSubscriptions" s JOIN "Dialogues" d ON d."Id" = s."DialogueId"
            WHERE s."RemindedAt" IS NULL AND d."StartsAt" <= {limit} AND d."StartsAt" > {now}
            LIMIT {batch} FOR UPDATE OF s SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var ids = subscriptions.Select(s => s.DialogueId).Distinct().ToList();
        var dialogues = await db.Set<Dialogue>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        return [.. subscriptions.Select(s => (s, dialogues[s.DialogueId]))];
    }
}
