using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// A person stopped following the OA. Nothing is said back (Zalo would refuse it: −213, not a follower); their dialogue
/// and cases stay as they are, and what is sent to them meanwhile waits for them to come back.
/// </summary>
internal sealed partial class ZaloUnfollowed(ILogger<ZaloUnfollowed> logger) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = [ZaloEventMapper.UnfollowCommand];

    public Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        LogUnfollowed(UntrustedText.ForLog(turn.Message.UserId));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo user {UserId} no longer follows the OA")]
    private partial void LogUnfollowed(string userId);
}
