using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Conversations.Confirmation;

/// <summary>
/// The resident's verdict on a resolved case: fixed → closed, then a 1–5 rating; not fixed → reopened to the
/// same official with new deadlines. A press for a case in another state changes nothing.
/// </summary>
internal sealed partial class ConfirmationButtons(
    ButtonCodec codec,
    CurrentRouting routing,
    CaseCards cards,
    ILogger<ConfirmationButtons> logger) : IButtonHandler
{
    public const string Yes = "c.yes";
    public const string No = "c.no";
    public const string Rate = "c.rate";

    public IReadOnlyCollection<string> Actions { get; } = [Yes, No, Rate];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var parts = argument.Split('.');
        var @case = long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await turn.Db.Cases.Include(c => c.AccountableOfficial).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        // The codec already bound the button to its recipient; the owner check guards against a mis-sent one.
        var follower = @case is not null && @case.ResidentId != turn.Resident.Id
            && await turn.Db.CaseFollowers.AnyAsync(f => f.CaseId == @case.Id && f.ResidentId == turn.Resident.Id, cancellationToken);
        if (@case is null || (@case.ResidentId != turn.Resident.Id && !follower))
        {
            LogNotOwner(turn.Message.UserId, argument);
            turn.ButtonAnswer = (turn.T("Resident.NotYourCase"), true);
            return;
        }

        // A follower's "fixed" is thanked and the reporter's verdict (or the auto-close) closes the case; their "not
        // fixed" reopens it, since the problem is theirs too.
        if (follower && action == Yes && @case.Status == CaseStatus.Resolved)
        {
            turn.Reply(new OutboundMessage { Text = turn.T("Resident.Follower.Thanks", @case.TrackingCode), EditMessageId = turn.Message.MessageId });
            return;
        }

        switch (action)
        {
            case Yes when @case.Status == CaseStatus.Resolved:
                @case.Close(Actor.Resident(turn.Resident.Id), turn.Now);
                await cards.RefreshAsync(@case, cancellationToken);
                AskRating(turn, @case);
                break;
            case No when @case.Status == CaseStatus.Resolved:
                await ReopenAsync(turn, @case, cancellationToken);
                break;
            case Rate when @case.Status == CaseStatus.Closed && @case.Rating is null
                           && parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 5:
                @case.Rate(Actor.Resident(turn.Resident.Id), stars, turn.Now);
                turn.Reply(new OutboundMessage { Text = turn.T("Resident.Confirm.Rated", stars, @case.TrackingCode), EditMessageId = turn.Message.MessageId });
                break;
            case Rate:
                turn.ButtonAnswer = (turn.T("Resident.Confirm.AlreadyRated"), true);
                break;
            default:
                turn.ButtonAnswer = (turn.T("Resident.Confirm.Stale"), true);
                break;
        }
    }

    private void AskRating(Turn turn, Case @case)
    {
        var owner = turn.Message.UserId;
        var id = @case.Id.ToString(CultureInfo.InvariantCulture);
        turn.Reply(new OutboundMessage
        {
            Text = turn.T("Resident.Confirm.AskRating", @case.TrackingCode),
            EditMessageId = turn.Message.MessageId,
            Tag = CaseTag.For(@case.Id),
            Buttons = [[.. Enumerable.Range(1, 5).Select(n =>
                codec.Button(turn.T("Resident.Confirm.Star", n), Rate, string.Create(CultureInfo.InvariantCulture, $"{id}.{n}"), owner))]],
        });
    }

    private async Task ReopenAsync(Turn turn, Case @case, CancellationToken cancellationToken)
    {
        var engine = await routing.GetAsync(cancellationToken);
        var assignment = engine.ReopenAssignment(@case, turn.Now);
        @case.Reopen(Actor.Resident(turn.Resident.Id), turn.T("Resident.Confirm.ReopenReason"), assignment, turn.Now);
        await cards.SendAsync(@case, cancellationToken);
        var zone = engine.Calendar.TimeZone;
        turn.Reply(new OutboundMessage
        {
            Text = turn.T("Resident.Confirm.Reopened", @case.TrackingCode, @case.AccountableOfficial?.Title,
                TimeText.Local(assignment.AcknowledgeDueAt, zone), TimeText.Local(assignment.ResolveDueAt, zone)),
            EditMessageId = turn.Message.MessageId,
            Tag = CaseTag.For(@case.Id),
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} pressed a confirmation button for a case that is not theirs ({Argument})")]
    private partial void LogNotOwner(string userId, string argument);
}
