using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Chase;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace ResidentBot.Bot.Tests.Chase;

public sealed class HangfireLogProviderTests
{
    [Fact]
    public void Hangfire_lines_logged_through_a_disposed_hosts_logger_factory_are_dropped_not_thrown()
    {
        var factory = LoggerFactory.Create(_ => { });
        var provider = new HangfireLogProvider(factory);
        var early = provider.GetLogger("Hangfire.Early");
        factory.Dispose();

        var late = provider.GetLogger("Hangfire.Late");

        Assert.False(late.Log(HangfireLevel.Info, () => "after dispose"));
        _ = early.Log(HangfireLevel.Info, () => "after dispose");
    }

    [Fact]
    public void While_the_host_lives_hangfire_lines_reach_its_loggers()
    {
        var sink = new List<string>();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListProvider(sink)));

        var logged = new HangfireLogProvider(factory).GetLogger("Hangfire.Server").Log(HangfireLevel.Warn, () => "storage is slow");

        Assert.True(logged);
        Assert.Equal(["Hangfire.Server: storage is slow"], sink);
    }

    private sealed class ListProvider(List<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(string category, List<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Add($"{category}: {formatter(state, exception)}");
    }
}
