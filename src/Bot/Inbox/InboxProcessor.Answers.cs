namespace ResidentBot.Bot.Inbox;

/// <summary>What a turn leaves to do after its commit (answering a button press), run beside the next turns.</summary>
internal sealed partial class InboxProcessor
{
    // Answers to button presses (a network round trip each) overlap with the next turns instead of holding up
    // the loop; at most this many are in flight. The cap only guards against a dead network: at 16 the loop itself
    // stalled behind slow answers under load (p99 of all turns +300 ms in the intake benchmark).
    private readonly SemaphoreSlim answers = new(256);

    // Best effort, as before: the turn is saved; a lost answer only leaves the button's spinner until Telegram drops it.
    private async Task RunAfterAsync(Func<CancellationToken, Task> after, CancellationToken cancellationToken)
    {
        try
        {
            await after(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAfterFailed(ex);
        }
        finally
        {
            answers.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a button press after its turn failed")]
    private partial void LogAfterFailed(Exception ex);
}
