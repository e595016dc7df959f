using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Conversations.Status;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Conversations.AddInformation;

/// <summary>"➕ Bổ sung" opens the add-information flow for one of the presser's open cases; "Xong" ends it.</summary>
internal sealed class AddInformationButtons : IButtonHandler
{
    public const string Add = "a.add";
    public const string Done = "a.done";

    public IReadOnlyCollection<string> Actions { get; } = [Add, Done];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (action == Done)
        {
            if (turn.Conversation.Flow == AddInformationFlow.Name)
            {
                turn.EndFlow();
                turn.Reply(MainMenu.With(turn, turn.T("Resident.Add.Finished")));
            }

            return;
        }

        var @case = long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await StatusCommand.OwnCases(turn).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : null;
        if (@case is null)
        {
            turn.ButtonAnswer = (turn.T("Resident.NotYourCase"), true);
            return;
        }

        if (!@case.Status.IsActive())
        {
            turn.ButtonAnswer = (turn.T("Resident.Add.NotOpen", @case.TrackingCode), true);
            return;
        }

        turn.StartFlow(AddInformationFlow.Name, "input", new AddInformationTarget(@case.Id));
        turn.Reply(turn.T(turn.Capabilities.Choose("Resident.Add.Ask"), @case.TrackingCode));
    }
}
