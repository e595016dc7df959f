using ResidentBot.Bot.Conversations;

namespace ResidentBot.Bot.Chase.Progress;

/// <summary>The text typed after "Báo cáo tiến độ" is the progress note.</summary>
internal sealed class ProgressFlow(ProgressNote notes) : IFlowHandler
{
    public const string Name = "chase.progress";
    public const string NoteStep = "note";

    public string Flow => Name;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        var note = turn.Message.Text?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            turn.Reply(turn.T("Official.NeedText"));
            return;
        }

        var state = turn.Data<State>();
        turn.EndFlow();
        if (state is not null && await ProgressNote.LoadAsync(turn, state.CaseId, cancellationToken) is { } @case)
        {
            await notes.RecordAsync(turn, @case, note, cancellationToken);
        }
    }

    internal sealed record State(long CaseId);
}
