namespace ResidentBot.Bot.Conversations.Report;

/// <summary><c>/report</c>, <c>/phananh</c> and the menu button start a new report (dropping any other flow).</summary>
internal sealed class ReportCommand(ReportPrompts prompts) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["report", "phananh"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var draft = new ReportDraft();
        turn.StartFlow(ReportSteps.Flow, ReportSteps.Category, draft);
        await prompts.ContinueAsync(turn, draft, cancellationToken);
    }
}
