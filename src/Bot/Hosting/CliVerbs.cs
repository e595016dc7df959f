using System.Text.RegularExpressions;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Bot.Open311.Keys;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.WebConsole.SignIn;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// The host's command-line verbs (<c>dotnet run --project src/Bot -- &lt;verb&gt; …</c>): each does one administrative
/// job on the host's settings and database and exits, without starting the web host. Arguments that are not a verb
/// (none, or the host's own <c>--key value</c> / <c>key=value</c> settings) are left to the host.
/// </summary>
internal static partial class CliVerbs
{
    /// <summary>A verb's handler: <c>args[0]</c> is the verb; returns the exit code (0 done, 1 refused, 2 usage).</summary>
    internal delegate Task<int> Handler(string[] args, IReadOnlyDictionary<string, string?>? settings,
        TextWriter output, TextWriter error, CancellationToken cancellationToken);

    internal static readonly IReadOnlyList<(string Verb, Handler Run)> Verbs =
    [
        (InviteCli.Verb, InviteCli.RunAsync),
        (Open311KeyCli.Verb, Open311KeyCli.RunAsync),
        (ConsoleLinkCli.Verb, ConsoleLinkCli.RunAsync),
    ];

    /// <summary>Null when the arguments are not a verb (the host then starts as usual); otherwise the exit code.</summary>
    public static Task<int?> TryRunAsync(string[] args) =>
        TryRunAsync(args, null, Console.Out, Console.Error, CancellationToken.None);

    internal static async Task<int?> TryRunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["--help" or "-h" or "help", ..])
        {
            await output.WriteLineAsync(Usage());
            return 0;
        }

        if (args.Length == 0 || !VerbLike().IsMatch(args[0]))
        {
            return null;
        }

        foreach (var (verb, run) in Verbs)
        {
            if (args[0] == verb)
            {
                return await run(args, settings, output, error, cancellationToken);
            }
        }

        await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Cli.UnknownVerb", args[0]));
        await error.WriteLineAsync(Usage());
        return 2;
    }

    private static string Usage() => Texts.Format(Texts.Vietnamese, "Cli.Usage", string.Join(" | ", Verbs.Select(v => v.Verb)));

    // A bare word: the host's own arguments start with "-" or "/", or hold "=" (key=value), and are never one.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex VerbLike();
}
