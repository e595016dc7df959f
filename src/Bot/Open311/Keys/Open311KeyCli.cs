using System.Globalization;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Open311;

namespace ResidentBot.Bot.Open311.Keys;

/// <summary>
/// <c>dotnet run --project src/Bot -- open311-key &lt;name&gt;</c> prints a new API key for the named client and exits;
/// <c>open311-key --revoke &lt;name&gt;</c> revokes the client's keys; <c>open311-key --list</c> lists them. Uses the same
/// appsettings.json, environment and database as the host, without starting it.
/// </summary>
internal static class Open311KeyCli
{
    public const string Verb = "open311-key";

    /// <summary>Runs the verb (<paramref name="args"/>[0] is <see cref="Verb"/>, <see cref="CliVerbs"/> saw to it); returns the exit code.</summary>
    internal static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (list, revoke, name) = args switch
        {
            [_, "--list"] => (true, false, null),
            [_, "--revoke", var n] when Valid(n) => (false, true, n),
            [_, var n] when Valid(n) && !n.StartsWith('-') => (false, false, n),
            _ => (false, false, (string?)null),
        };
        if (!list && name is null)
        {
            await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Open311.Key.CliUsage", Open311Key.MaxNameLength));
            return 2;
        }

        await using var scope = await CliHost.OpenAsync(settings, s => s.AddScoped<Open311Keys>(), cancellationToken);
        var keys = scope.Services.GetRequiredService<Open311Keys>();
        if (list)
        {
            foreach (var key in await keys.ListAsync(cancellationToken))
            {
                var state = key.RevokedAt is { } revoked ? "revoked " + revoked.ToString("u", CultureInfo.InvariantCulture) : "active";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{key.Name}\t{key.CreatedAt:u}\t{state}"));
            }

            return 0;
        }

        if (revoke)
        {
            var count = await keys.RevokeAsync(name!, cancellationToken);
            if (count == 0)
            {
                await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Open311.Key.UnknownName", name));
                return 1;
            }

            await error.WriteLineAsync(Texts.Format(Texts.Vietnamese, "Open311.Key.Revoked", name, count));
            return 0;
        }

        await output.WriteLineAsync(await keys.CreateAsync(name!, cancellationToken));
        return 0;
    }

    private static bool Valid(string name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= Open311Key.MaxNameLength;
}
