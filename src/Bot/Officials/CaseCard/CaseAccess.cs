using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>
/// The one check every official action goes through, against the database at the moment of acting: the sender
/// must be the case's current accountable official, and the case's status must allow the action. A signed
/// button only proves who it was sent to, not that the case is still theirs (it may have been transferred).
/// </summary>
internal sealed partial class CaseAccess(ILogger<CaseAccess> logger)
{
    /// <summary>Loads the case named by a button argument (<c>caseId</c> or <c>caseId.more</c>).</summary>
    public Task<Case?> LoadAsync(Turn turn, string argument, CaseAction? action, CancellationToken cancellationToken)
    {
        if (OfficialActions.TryParseIds(argument, out var ids))
        {
            return LoadAsync(turn, ids[0], action, cancellationToken);
        }

        Refuse(turn, turn.T("Official.NotYours"));
        return Task.FromResult<Case?>(null);
    }

    public async Task<Case?> LoadAsync(Turn turn, long caseId, CaseAction? action, CancellationToken cancellationToken)
    {
        var @case = await turn.Db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || turn.Official is null || @case.AccountableOfficialId != turn.Official.Id)
        {
            LogRefused(turn.Message.UserId, caseId, turn.Official?.Code);
            Refuse(turn, turn.T("Official.NotYours"));
            return null;
        }

        if (action is { } wanted && !CaseLifecycle.IsAllowed(wanted, @case.Status))
        {
            Refuse(turn, NotNow(turn, @case));
            return null;
        }

        return @case;
    }

    /// <summary>Runs a domain transition; a lifecycle refusal becomes a short answer and nothing changes.</summary>
    public bool TryApply(Turn turn, Case @case, Action apply)
    {
        try
        {
            apply();
            return true;
        }
        catch (IllegalTransitionException ex)
        {
            LogIllegal(ex.TrackingCode, ex.From, ex.Action);
            Refuse(turn, NotNow(turn, @case));
            return false;
        }
    }

    /// <summary>An alert on the pressed button, or a message when the action came as text.</summary>
    public static void Refuse(Turn turn, string text)
    {
        if (turn.Message.Kind == InboundKind.ButtonPress)
        {
            turn.ButtonAnswer = (text, true);
        }
        else
        {
            turn.EndFlow();
            turn.Reply(text);
        }
    }

    private static string NotNow(Turn turn, Case @case) =>
        turn.T("Official.NotNow", @case.TrackingCode, turn.T($"Official.Status.{@case.Status}"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an official action by user {UserId} (official {OfficialCode}) on case {CaseId}: not its accountable official")]
    private partial void LogRefused(string userId, long caseId, string? officialCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingCode}: cannot {Action} while {Status}")]
    private partial void LogIllegal(string trackingCode, CaseStatus status, string action);
}
