using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Queue;

/// <summary>
/// /queue: the official's open cases (and those waiting for the resident) by the deadline that matters now, so overdue ones come first; each case is its own
/// message with its card's buttons (what the lifecycle allows now), so the official can act from the queue. Items are
/// tagged as the case's card, so a change to the case edits them like any card.
/// </summary>
internal sealed class QueueCommand(CurrentRouting routing, CaseCardRenderer renderer) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["queue"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.Official is not { } official)
        {
            turn.Reply(turn.T("Official.OnlyOfficials"));
            return;
        }

        var cases = (await turn.Db.Cases.AsNoTracking()
                .Where(c => c.AccountableOfficialId == official.Id && CaseStatuses.Active.Contains(c.Status))
                .ToListAsync(cancellationToken))
            .OrderBy(c => DueText.NextDue(c) ?? DateTimeOffset.MaxValue).ThenBy(c => c.Id).ToList();
        if (cases.Count == 0)
        {
            turn.Reply(turn.T("Official.Queue.Empty"));
            return;
        }

        var directory = (await routing.GetAsync(cancellationToken)).Directory;
        turn.Reply(turn.T("Official.Queue.Header", cases.Count));
        foreach (var @case in cases)
        {
            var category = directory.CategoriesById.GetValueOrDefault(@case.CategoryId);
            var line = turn.T("Official.Queue.Line",
                DueText.IsOverdue(@case, turn.Now) ? "🔴" : "🟢",
                @case.TrackingCode,
                category is null ? null : turn.Language == Texts.English ? category.NameEn : category.NameVi,
                directory.AreasById.GetValueOrDefault(@case.AreaId)?.Name,
                turn.T($"Official.Status.{@case.Status}"),
                DueText.Describe(turn, @case));
            turn.Reply(new OutboundMessage
            {
                Text = line,
                Buttons = renderer.Buttons(@case, turn.Language, turn.Message.ChatId),
                Tag = CaseTag.Card(@case.Id, official.Id),
            });
        }
    }
}
