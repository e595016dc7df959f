using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>
/// The one check every official action goes through, against the database at the moment of acting: the sender
/// must be the case's current accountable official, and the case's status must allow the action. A signed
/// button only proves who it was sent to, not that the case is still theirs (it may have been transferred).
/// The bot and the web console ask the same question (<see cref="CheckAsync"/>).
/// </summary>
internal sealed partial class CaseAccess(ResidentBotDbContext db, ILogger<CaseAccess> logger)
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
        if (turn.Official is null)
        {
            LogRefused(turn.Message.UserId, caseId, null);
            Refuse(turn, turn.T("Official.NotYours"));
            return null;
        }

        var (@case, refusal) = await CheckAsync(ActingOfficial.Of(turn), caseId, action, cancellationToken);
        if (refusal is not null)
        {
            Refuse(turn, refusal);
        }

        return @case;
    }

    /// <summary>The case when <paramref name="who"/> may do <paramref name="action"/> on it now; otherwise why not, in their language.</summary>
    public async Task<(Case? Case, string? Refusal)> CheckAsync(ActingOfficial who, long caseId, CaseAction? action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || @case.AccountableOfficialId != who.Official.Id)
        {
            LogRefused(who.Account, caseId, who.Official.Code);
            return (null, who.T("Official.NotYours"));
        }

        if (action is { } wanted && !CaseLifecycle.IsAllowed(wanted, @case.Status))
        {
            return (null, NotNow(who, @case));
        }

        return (@case, null);
    }

    /// <summary>Runs a domain transition; a lifecycle refusal becomes a short answer and nothing changes.</summary>
    public bool TryApply(Turn turn, Case @case, Action apply)
    {
        if (TryApply(ActingOfficial.Of(turn), @case, apply) is { } refusal)
        {
            Refuse(turn, refusal);
            return false;
        }

        return true;
    }

    /// <summary>Runs a domain transition; returns the refusal when the lifecycle forbids it (nothing changed), else null.</summary>
    public string? TryApply(ActingOfficial who, Case @case, Action apply)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(apply);
        try
        {
            apply();
            return null;
        }
        catch (IllegalTransitionException ex)
        {
            LogIllegal(ex.TrackingCode, ex.From, ex.Action);
            return NotNow(who, @case);
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

    private static string NotNow(ActingOfficial who, Case @case) =>
        who.T("Official.NotNow", @case.TrackingCode, who.T($"Official.Status.{@case.Status}"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an official action by user {UserId} (official {OfficialCode}) on case {CaseId}: not its accountable official")]
    private partial void LogRefused(string userId, long caseId, string? officialCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingCode}: cannot {Action} while {Status}")]
    private partial void LogIllegal(string trackingCode, CaseStatus status, string action);
}
