using System.Reflection;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Hosting;

/// <summary>Turns the exception that stopped the start into one line for the operator, and the exit code 1.</summary>
internal static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>
    /// Only when this host is the process: under a test host (WebApplicationFactory runs Program's entry point inside
    /// the test process) the exception is how the test learns the start failed, and HostAbortedException is its way of
    /// stopping the entry point after Build.
    /// </summary>
    public static bool IsReportable(Exception exception) =>
        exception is not HostAbortedException && Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    public static int Report(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine("ResidentBot could not start: " + Describe(exception));
        error.Flush();
        return ExitCode;
    }

    internal static string Describe(Exception exception) => exception switch
    {
        StartupException known => known.Message,
        OptionsValidationException invalid => StartupChecks.Describe([invalid]),

        // WebApplication.CreateBuilder: "Failed to load configuration from file '…/appsettings.json'.", the JSON error inside.
        InvalidDataException { InnerException: { } json } when exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase) =>
            $"the settings file {QuotedPath(exception.Message)} is not valid JSON: {Innermost(json).Message}",

        // The configuration binder names the key: "Failed to convert configuration value at 'Chase:RunServer' to type …".
        InvalidOperationException when exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            "invalid settings: " + exception.Message,

        // Kestrel: "Failed to bind to address http://127.0.0.1:5000: address already in use."
        IOException when exception.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal) =>
            $"{exception.Message} Stop the program listening there, or choose another address with --urls or ASPNETCORE_URLS.",

        _ when Innermost(exception) is var inner && inner != exception =>
            $"{exception.GetType().Name}: {OneLine(exception.Message)} ({inner.GetType().Name}: {OneLine(inner.Message)})",
        _ => $"{exception.GetType().Name}: {OneLine(exception.Message)}",
    };

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    private static string QuotedPath(string message) =>
        message.IndexOf('\'', StringComparison.Ordinal) is var open and >= 0 && message.LastIndexOf('\'') is var close && close > open
            ? message[(open + 1)..close]
            : message;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
