using Hangfire.Logging;
using Hangfire.AspNetCore;

namespace ResidentBot.Bot.Chase;

/// <summary>
/// Hangfire logs through ASP.NET Core's logging, but its log provider is one per process (a static), set by whichever
/// host configured Hangfire last. When hosts come and go in one process (the test suite starts many), a later host's
/// Hangfire can reach an earlier host's logger factory after that host disposed it; its lines are then dropped instead
/// of failing the dashboard request or the job that logged them.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new DisposalSafeLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return DisposalSafeLog.Dropped;
        }
    }

    private sealed class DisposalSafeLog(ILog? log) : ILog
    {
        public static readonly DisposalSafeLog Dropped = new(null);

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return log?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
