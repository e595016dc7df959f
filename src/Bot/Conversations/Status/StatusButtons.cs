using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ResidentBot.Bot.Conversations.Status;

/// <summary>"🔎 code" on the list shows that case, if it is still the presser's own.</summary>
internal sealed class StatusButtons(StatusCommand status) : IButtonHandler
{
    public const string Show = "s.show";

    public IReadOnlyCollection<string> Actions { get; } = [Show];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var found = long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await StatusCommand.OwnCases(turn).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        if (found is null)
        {
            turn.ButtonAnswer = (turn.T("Resident.NotYourCase"), true);
            return;
        }

        await status.ShowAsync(turn, found, cancellationToken);
    }
}
