using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// What can stop the host for a reason the operator can fix — settings, the database, the directory file — checked
/// before the host starts, so each failure is one <see cref="StartupException"/> instead of the host's
/// "Hosting failed to start" log with a stack trace.
/// </summary>
internal static partial class StartupChecks
{
    public static async Task CheckStartupAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupException(Describe([ex]), ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new StartupException(Describe(ex.InnerExceptions.Cast<OptionsValidationException>()), ex);
        }

        await app.Services.GetRequiredService<DatabaseStartup>().StartAsync(cancellationToken);
    }

    /// <summary>"invalid settings: Chase:BatchSize: The field BatchSize must be between 1 and 100000."</summary>
    internal static string Describe(IEnumerable<OptionsValidationException> failures)
    {
        var lines = failures.SelectMany(f => f.Failures.Select(message => Describe(f.OptionsType, message)));
        return "invalid settings: " + string.Join(" ", lines);
    }

    private static string Describe(Type options, string failure)
    {
        var section = options.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string ?? options.Name;
        return DataAnnotationFailure().Match(failure) is { Success: true } m
            ? $"{section}:{m.Groups["member"].Value}: {m.Groups["error"].Value}"
            : $"{section}: {failure}";
    }

    // Microsoft.Extensions.Options.DataAnnotations words each failure so: keep the member and the error only.
    [GeneratedRegex("^DataAnnotation validation failed for '[^']*' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
