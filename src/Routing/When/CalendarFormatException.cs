namespace ResidentBot.Routing.When;

/// <summary>A calendar setting in the directory cannot be understood; names the field and the bad value.</summary>
public sealed class CalendarFormatException(string field, string? value, string expected)
    : FormatException($"Calendar setting {field} = \"{value}\" is not valid: expected {expected}.")
{
    public string Field { get; } = field;
}
