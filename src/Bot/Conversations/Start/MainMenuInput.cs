using ResidentBot.Bot.Conversations.Language;
using ResidentBot.Bot.Conversations.Report;
using ResidentBot.Bot.Conversations.Status;

namespace ResidentBot.Bot.Conversations.Start;

/// <summary>A main-menu label typed (or tapped) acts like its command, even in the middle of a flow.</summary>
internal sealed class MainMenuInput(ReportCommand report, StatusCommand status, LanguageCommand language) : IInputHandler
{
    public async Task<bool> TryHandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        switch (MainMenu.Match(turn.Message))
        {
            case MainMenu.ReportKey:
                await report.HandleAsync(turn, cancellationToken);
                return true;
            case MainMenu.MyCasesKey:
                turn.EndFlow();
                await status.ListAsync(turn, cancellationToken);
                return true;
            case MainMenu.LanguageKey:
                await language.HandleAsync(turn, cancellationToken);
                return true;
            default:
                return false;
        }
    }
}
