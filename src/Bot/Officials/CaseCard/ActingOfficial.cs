using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>
/// Who acts on a case and where from, whatever the surface: a bot turn or a console request. The shared operations
/// (acknowledge, reply, resolve, transfer, reject) take this, so both surfaces run the same checks and effects.
/// </summary>
internal sealed record ActingOfficial(Official Official, string Account, string Channel, string Language, DateTimeOffset Now)
{
    public const string ConsoleChannel = "console";

    public static ActingOfficial Of(Turn turn) =>
        new(turn.Official ?? throw new InvalidOperationException("The sender is not an official."), turn.Message.UserId, turn.Message.Channel, turn.Language, turn.Now);

    public string T(string key, params object?[] args) => Texts.Format(Language, key, args);
}

/// <summary>What a shared operation did: done (the words to show), refused (nothing changed), or incomplete (say what is missing, keep what was sent).</summary>
internal sealed record CaseActionOutcome(CaseActionResult Result, string Text, Case? Case = null)
{
    public bool IsDone => Result == CaseActionResult.Done;

    public static CaseActionOutcome Done(Case @case, string text) => new(CaseActionResult.Done, text, @case);

    public static CaseActionOutcome Refused(string text) => new(CaseActionResult.Refused, text);

    public static CaseActionOutcome Incomplete(Case @case, string text) => new(CaseActionResult.Incomplete, text, @case);

    /// <summary>A bot turn shows the outcome: a refusal as an alert on the pressed button (or a message), anything else as a message.</summary>
    public void ShowIn(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Result == CaseActionResult.Refused)
        {
            CaseAccess.Refuse(turn, Text);
        }
        else
        {
            turn.Reply(Text);
        }
    }
}

internal enum CaseActionResult
{
    Done,
    Refused,
    Incomplete,
}
