using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Duplicate;

/// <summary>
/// The other case's tracking code: this case closes as its duplicate (no deadline, no chase), its resident and
/// followers follow the other case, the resident and the other case's official are told, and both cards show it.
/// A wrong code is answered and nothing changes.
/// </summary>
internal sealed class MarkDuplicateFlow(CaseAccess access, CaseCards cards, ResidentNotifier residents, OfficialNotifier officials) : IFlowHandler
{
    public const string Name = "official.duplicate";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var typed = turn.Message.Text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            turn.Reply(turn.T("Official.NeedText"));
            return;
        }

        var draft = turn.Data<CaseDraft>();
        if (draft is null || await access.LoadAsync(turn, draft.CaseId, CaseAction.MarkDuplicate, cancellationToken) is not { } duplicate)
        {
            turn.EndFlow();
            return;
        }

        var original = TrackingCode.TryNormalize(typed, out var code)
            ? await turn.Db.Cases.Include(c => c.Followers).FirstOrDefaultAsync(c => c.TrackingCode == code, cancellationToken)
            : null;
        if (original?.Id == duplicate.Id)
        {
            turn.Reply(turn.T("Official.Duplicate.Self"));
            return;
        }

        if (original is null || !original.Status.IsActive())
        {
            turn.Reply(turn.T("Official.Duplicate.NotFound", typed));
            return;
        }

        turn.EndFlow();
        var official = turn.Official!;
        var moving = await turn.Db.CaseFollowers.Where(f => f.CaseId == duplicate.Id).Select(f => f.ResidentId).ToListAsync(cancellationToken);
        if (!access.TryApply(turn, duplicate, () => duplicate.MarkDuplicateOf(original, Actor.Official(official.Id), turn.Now)))
        {
            return;
        }

        // Whoever followed the duplicate follows the case that goes on.
        foreach (var follower in moving)
        {
            original.Follow(follower, turn.Now, duplicate.Id);
        }

        var followers = original.Followers.Count;
        await residents.NotifyAsync(duplicate, "Resident.Duplicate.Marked", [duplicate.TrackingCode, original.TrackingCode], cancellationToken);
        await cards.RefreshAsync(duplicate, cancellationToken);
        await cards.RefreshAsync(original, cancellationToken);
        if (original.AccountableOfficialId is { } other && other != official.Id)
        {
            await officials.SendAsync(other, null, chat => new OutboundMessage
            {
                Text = chat.T("Official.Duplicate.Joined", duplicate.TrackingCode, original.TrackingCode, followers),
                Tag = CaseTag.For(original.Id),
            }, cancellationToken);
        }

        turn.Reply(turn.T("Official.Duplicate.Done", duplicate.TrackingCode, original.TrackingCode, followers));
    }
}
