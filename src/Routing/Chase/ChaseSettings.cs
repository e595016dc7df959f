namespace ResidentBot.Routing.Chase;

/// <summary>
/// The chase defaults every category starts from (the host binds them from configuration); a category may
/// override the intervals in the directory.
/// </summary>
/// <param name="ReminderPercents">Remind the accountable official when this share (%) of the time to a deadline has passed.</param>
/// <param name="EscalateEvery">Re-escalate while overdue, in the category's clock (whole days are working days for office-time categories).</param>
/// <param name="ProgressEvery">Ask an overdue case's official for a progress note this often (calendar time).</param>
/// <param name="AutoCloseAfter">A resolved case the resident did not confirm or reopen closes by itself after this long.</param>
public sealed record ChaseSettings(
    IReadOnlyList<int> ReminderPercents,
    TimeSpan EscalateEvery,
    TimeSpan ProgressEvery,
    TimeSpan AutoCloseAfter)
{
    /// <summary>While a case waits for the resident: when to remind them, when to close it.</summary>
    public WaitingPolicy Waiting { get; init; } = WaitingPolicy.Default;
}
