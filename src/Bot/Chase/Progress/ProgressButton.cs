using System.Globalization;
using ResidentBot.Bot.Conversations;

namespace ResidentBot.Bot.Chase.Progress;

/// <summary>"Báo cáo tiến độ" on a progress request: the official's next text is the note (where a chat has no reply, the only way).</summary>
internal sealed class ProgressButton : IButtonHandler
{
    public const string Report = "s.prg";

    public IReadOnlyCollection<string> Actions { get; } = [Report];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        if (!long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var caseId)
            || await ProgressNote.LoadAsync(turn, caseId, cancellationToken) is not { } @case)
        {
            return;
        }

        turn.StartFlow(ProgressFlow.Name, ProgressFlow.NoteStep, new ProgressFlow.State(@case.Id));
        turn.Reply(turn.T("Chase.Progress.Ask", @case.TrackingCode));
    }
}
