using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Conversations.Status;

namespace ResidentBot.Bot.Conversations.AddInformation;

/// <summary>After "➕ Bổ sung": each text or photo goes to that case until "Xong", /cancel or another command.</summary>
internal sealed class AddInformationFlow(InformationAdder adder, MainMenuInput menu) : IFlowHandler
{
    public const string Name = "addinfo";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await menu.TryHandleAsync(turn, cancellationToken))
        {
            return;
        }

        var target = turn.Data<AddInformationTarget>();
        var @case = target is null ? null : await StatusCommand.OwnCases(turn).FirstOrDefaultAsync(c => c.Id == target.CaseId, cancellationToken);
        if (@case is null)
        {
            turn.EndFlow();
            turn.Reply(MainMenu.With(turn, turn.T("Common.Help")));
            return;
        }

        if (!await adder.AddAsync(turn, @case, cancellationToken))
        {
            turn.Reply(turn.T(turn.Capabilities.Choose("Resident.Add.Ask"), @case.TrackingCode));
        }
    }
}

internal sealed record AddInformationTarget(long CaseId);
