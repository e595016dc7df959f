namespace ResidentBot.Bot.Chase;

/// <summary>
/// Work the chase sweep does besides cases (dialogue questions and reminders …): due work read from the database, safe
/// to run twice. Each step runs in its own scope after the cases; a step that fails is logged and retried next sweep.
/// </summary>
internal interface IChaseStep
{
    /// <summary>Does what is due now; returns how many items it changed.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}
