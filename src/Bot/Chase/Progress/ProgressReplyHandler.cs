using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Chase.Progress;

/// <summary>The accountable official's reply to a progress request is the progress note: logged and relayed to the resident.</summary>
internal sealed class ProgressReplyHandler(ResidentNotifier residents) : IInputHandler
{
    public async Task<bool> TryHandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        if (turn.Official is not { } official || message.ReplyToMessageId is not { } replyTo || string.IsNullOrWhiteSpace(message.Text))
        {
            return false;
        }

        var tag = await turn.Db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == message.Channel && m.Recipient == message.ChatId && m.ExternalMessageId == replyTo)
            .Select(m => m.Tag).FirstOrDefaultAsync(cancellationToken);
        if (!ProgressTag.TryRead(tag, out var caseId))
        {
            return false;
        }

        var @case = await turn.Db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || @case.AccountableOfficialId != official.Id || !@case.Status.IsOpen())
        {
            turn.Reply(turn.T("Chase.Action.NotAllowed"));
            return true;
        }

        var note = message.Text.Trim();
        @case.Record(CaseEventKind.ProgressReported, Actor.Official(official.Id), turn.Now, note);
        await residents.NotifyAsync(@case, "Chase.Progress.Relayed", [@case.TrackingCode, official.Title, note], cancellationToken);
        turn.Reply(turn.T("Chase.Progress.Thanks", @case.TrackingCode));
        return true;
    }
}
