using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Chase.Progress;

/// <summary>The accountable official's progress note, however it came (a reply to the request, or the button): logged and relayed to the resident.</summary>
internal sealed class ProgressNote(ResidentNotifier residents)
{
    /// <summary>Loads the case when it is still open and the official's; otherwise answers that it is not allowed.</summary>
    public static async Task<Case?> LoadAsync(Turn turn, long caseId, CancellationToken cancellationToken)
    {
        var @case = await turn.Db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || turn.Official is not { } official || @case.AccountableOfficialId != official.Id || !@case.Status.IsOpen())
        {
            turn.ButtonAnswer = (turn.T("Chase.Action.NotAllowed"), true);
            turn.Reply(turn.T("Chase.Action.NotAllowed"));
            return null;
        }

        return @case;
    }

    public async Task RecordAsync(Turn turn, Case @case, string note, CancellationToken cancellationToken)
    {
        var official = turn.Official!;
        @case.Record(CaseEventKind.ProgressReported, Actor.Official(official.Id), turn.Now, note);
        await residents.NotifyAsync(@case, "Chase.Progress.Relayed", [@case.TrackingCode, official.Title, note], cancellationToken);
        turn.Reply(turn.T("Chase.Progress.Thanks", @case.TrackingCode));
    }
}
