using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Chase.Waiting;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.AskResident;

/// <summary>
/// The official's question: the case waits for the resident (its resolve clock stops), the resident gets the
/// question word for word with the "➕ Bổ sung" button, and the card shows the wait.
/// </summary>
internal sealed class AskResidentFlow(CaseAccess access, CaseCards cards, ResidentNotifier residents, CasePause pause, CurrentRouting routing)
    : IFlowHandler
{
    public const string Name = "official.askresident";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var question = turn.Message.Text?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            turn.Reply(turn.T("Official.NeedText"));
            return;
        }

        if (question.Length > Case.MaxQuestionLength)
        {
            turn.Reply(turn.T("Official.AskResident.TooLong", Case.MaxQuestionLength));
            return;
        }

        var draft = turn.Data<CaseDraft>();
        turn.EndFlow();
        var official = turn.Official;
        if (draft is null || official is null || await access.LoadAsync(turn, draft.CaseId, CaseAction.AskResident, cancellationToken) is not { } @case
            || !access.TryApply(turn, @case, () => @case.AskResident(Actor.Official(official.Id), question, turn.Now)))
        {
            return;
        }

        var waiting = await pause.PolicyAsync(@case, cancellationToken);
        var zone = (await routing.GetAsync(cancellationToken)).Calendar.TimeZone;
        var closeAt = TimeText.Local(waiting.CloseAt(@case), zone);
        await residents.AskForInformationAsync(@case, "Resident.Waiting.Asked", [@case.TrackingCode, official.Title, question, closeAt], null, cancellationToken);
        await cards.RefreshAsync(@case, cancellationToken);
        turn.Reply(turn.T("Official.AskResident.Sent", @case.TrackingCode, TimeText.Local(waiting.ReminderAt(@case), zone), closeAt));
    }
}
