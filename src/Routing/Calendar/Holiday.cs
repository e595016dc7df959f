namespace ResidentBot.Routing.Calendar;

/// <summary>
/// A dated exception to the working week: a public holiday (no work), or a make-up working day
/// (<see cref="IsWorkingDay"/>) that the government announces when it moves a holiday.
/// </summary>
public sealed class Holiday
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }

    public bool IsWorkingDay { get; set; }
}
