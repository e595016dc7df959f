using System.Globalization;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Chase;

internal sealed partial class CaseChaser
{
    // While the case waits for the resident nothing runs against the official: the resident is reminded once, and
    // the case closes with the reason when the answer never comes (a sweep that was down goes straight to the close).
    private async Task ChaseWaitingAsync(
        Case @case, ChaseView view, CategoryChase chase, ChaseLedger ledger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = chase.Policy.Waiting;
        if (waiting.CloseAt(@case) is { } close && close <= now)
        {
            await CloseUnansweredAsync(@case, waiting, now, cancellationToken);
            return;
        }

        if (waiting.ReminderAt(@case) is not { } remind || remind > now || @case.PausedAt is not { } asked)
        {
            return;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"waiting-remind:{@case.Id}:{asked.UtcTicks}");
        if (ledger.Has(@case.Id, CaseEventKind.ResidentReminded, key))
        {
            return;
        }

        @case.Record(CaseEventKind.ResidentReminded, Actor.System, now, key);
        await residents.AskForInformationAsync(@case, "Chase.Resident.WaitingReminder",
            [@case.TrackingCode, @case.ResidentQuestion, Local(view, waiting.CloseAt(@case)!.Value)], key, cancellationToken);
    }

    private async Task CloseUnansweredAsync(Case @case, WaitingPolicy waiting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var official = @case.AccountableOfficialId;
        @case.Close(Actor.System, now, string.Create(CultureInfo.InvariantCulture,
            $"Closed automatically: the resident did not answer the request for information within {TimeText.Duration(Resources.Texts.English, waiting.CloseAfter)}."));
        await cards.RefreshAsync(@case, cancellationToken);
        await residents.NotifyAsync(@case, "Chase.Resident.WaitingClosed", [@case.TrackingCode, TimeText.Span(waiting.CloseAfter)], cancellationToken);
        if (official is { } id)
        {
            await officials.SendAsync(id, string.Create(CultureInfo.InvariantCulture, $"waiting-close:{@case.Id}"), chat => new OutboundMessage
            {
                Text = chat.T("Chase.Official.WaitingClosed", @case.TrackingCode, TimeText.Duration(chat.Language, waiting.CloseAfter)),
                Tag = CaseTag.For(@case.Id),
            }, cancellationToken);
        }
    }
}
