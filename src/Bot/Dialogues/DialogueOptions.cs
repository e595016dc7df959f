using System.ComponentModel.DataAnnotations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues;

/// <summary>Leaders' dialogues with residents (section <c>Dialogues</c>): how long one runs, when answers are due, reminders, the flag date.</summary>
internal sealed class DialogueOptions : IValidatableObject
{
    public const string Section = "Dialogues";

    /// <summary>How long a dialogue runs after its start; residents send questions until it ends.</summary>
    public TimeSpan Length { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Answers are due this long after the dialogue ends, in office time (whole days are working days).</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Subscribers are reminded this long (calendar time) before the dialogue starts.</summary>
    public TimeSpan RemindBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>From this day of the year (MM-dd) a leader below their yearly minimum is flagged in the digests.</summary>
    [Required]
    public string FlagAfter { get; set; } = "07-01";

    /// <summary>A resident is invited to dialogues of the areas where they reported within this long.</summary>
    public TimeSpan ResidentAreaWithin { get; set; } = TimeSpan.FromDays(365);

    public MonthDay FlagDate => MonthDay.TryParse(FlagAfter, out var day) ? day : new MonthDay(7, 1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MonthDay.TryParse(FlagAfter, out _))
        {
            yield return new ValidationResult($"'{FlagAfter}' is not a day of the year like 07-01 (month-day).", [nameof(FlagAfter)]);
        }

        foreach (var (name, value) in new[] { (nameof(Length), Length), (nameof(AnswerWithin), AnswerWithin), (nameof(ResidentAreaWithin), ResidentAreaWithin) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"{name} must be longer than zero.", [name]);
            }
        }

        if (RemindBefore < TimeSpan.Zero)
        {
            yield return new ValidationResult("RemindBefore must not be negative.", [nameof(RemindBefore)]);
        }
    }
}
