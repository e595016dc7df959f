using System.ComponentModel.DataAnnotations;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Chase.Waiting;

/// <summary>
/// Waiting for the resident (keys <c>Cases:WaitingReminderAfter</c> and <c>Cases:WaitingCloseAfter</c>): when a case
/// whose official asked the resident for information reminds them, and when it closes for want of an answer.
/// </summary>
internal sealed class WaitingOptions : IValidatableObject
{
    public const string Section = "Cases";

    /// <summary>Remind the resident this long after the question (elapsed time; zero or at least the close time = no reminder).</summary>
    public TimeSpan WaitingReminderAfter { get; set; } = WaitingPolicy.Default.RemindAfter;

    /// <summary>Close the case, saying why, when the resident has not answered this long after the question.</summary>
    public TimeSpan WaitingCloseAfter { get; set; } = WaitingPolicy.Default.CloseAfter;

    public WaitingPolicy ToPolicy() =>
        new(WaitingReminderAfter > TimeSpan.Zero ? WaitingReminderAfter : WaitingCloseAfter, WaitingCloseAfter);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WaitingCloseAfter <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Cases:WaitingCloseAfter must be positive, e.g. 7.00:00:00.", [nameof(WaitingCloseAfter)]);
        }

        if (WaitingReminderAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult("Cases:WaitingReminderAfter must not be negative (zero turns the reminder off).", [nameof(WaitingReminderAfter)]);
        }
    }
}
