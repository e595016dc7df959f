using System.ComponentModel.DataAnnotations;
using ResidentBot.Bot.Dialogues;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Tests.Dialogues;

public sealed class DialogueOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_flag_from_the_first_of_july() =>
        Assert.Equal((true, new MonthDay(7, 1)), (Validate(new DialogueOptions()).Count == 0, new DialogueOptions().FlagDate));

    [Fact]
    public void A_malformed_flag_date_and_empty_durations_are_refused_at_start_with_the_key_named()
    {
        var errors = Validate(new DialogueOptions { FlagAfter = "1 July", AnswerWithin = TimeSpan.Zero, RemindBefore = TimeSpan.FromHours(-1) });

        Assert.Equal(["FlagAfter", "AnswerWithin", "RemindBefore"], errors.SelectMany(e => e.MemberNames));
        Assert.Contains("'1 July' is not a day of the year like 07-01", errors[0].ErrorMessage, StringComparison.Ordinal);
    }

    private static List<ValidationResult> Validate(DialogueOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
