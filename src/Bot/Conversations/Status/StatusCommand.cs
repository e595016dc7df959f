using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.AddInformation;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Conversations.Report;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Conversations.Status;

/// <summary>
/// <c>/status</c> lists the resident's own cases; <c>/status CODE</c> shows one with its history. Another
/// resident's code answers exactly like a code that does not exist.
/// </summary>
internal sealed class StatusCommand(ButtonCodec codec, CurrentRouting routing, CaseHistory history) : ICommandHandler
{
    private const int ListSize = 10;

    public IReadOnlyCollection<string> Commands { get; } = ["status", "mycases"];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(turn.Message.CommandArgs))
        {
            await ListAsync(turn, cancellationToken);
            return;
        }

        if (!TrackingCode.TryNormalize(turn.Message.CommandArgs, out var code))
        {
            turn.Reply(turn.T("Resident.Status.BadCode"));
            return;
        }

        var found = await OwnCases(turn).FirstOrDefaultAsync(c => c.TrackingCode == code, cancellationToken);
        if (found is null)
        {
            turn.Reply(turn.T("Resident.Status.NotFound", code));
            return;
        }

        await ShowAsync(turn, found, cancellationToken);
    }

    public async Task ListAsync(Turn turn, CancellationToken cancellationToken)
    {
        var cases = await OwnCases(turn).OrderByDescending(c => c.Id).Take(ListSize).ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            turn.Reply(MainMenu.With(turn, turn.T(turn.Capabilities.ChooseFromMenu("Resident.Status.Empty"))));
            return;
        }

        var engine = await routing.GetAsync(cancellationToken);
        var zone = engine.Calendar.TimeZone;
        var lines = cases.Select(c => turn.T("Resident.Status.Line", c.TrackingCode, ResidentWords.State(turn.Language, c.Status),
            ResidentWords.Category(turn.Language, c.Category!), ReportPrompts.PlaceName(engine, c.AreaId), c.AccountableOfficial?.Title,
            ResidentWords.Deadline(turn.Language, c, zone)));
        turn.Reply(new OutboundMessage
        {
            Text = $"{turn.T("Resident.Status.Header")}\n\n{string.Join("\n\n", lines)}",
            Buttons = [.. cases.Select(c => Row(turn, c))],
        });
    }

    /// <summary>Shows one case (already checked to be the resident's) with its history.</summary>
    public async Task ShowAsync(Turn turn, Case @case, CancellationToken cancellationToken)
    {
        var engine = await routing.GetAsync(cancellationToken);
        var zone = engine.Calendar.TimeZone;
        var events = await history.LinesAsync(turn, @case, zone, cancellationToken);
        var text = turn.T("Resident.Status.Detail", @case.TrackingCode, ResidentWords.State(turn.Language, @case.Status),
            ResidentWords.Category(turn.Language, @case.Category!), ReportPrompts.PlaceName(engine, @case.AreaId), @case.AccountableOfficial?.Title,
            ResidentWords.Deadline(turn.Language, @case, zone), @case.Description, events);
        turn.Reply(new OutboundMessage
        {
            Text = text,
            Tag = CaseTag.For(@case.Id),
            Buttons = @case.Status.IsActive() ? [[AddButton(turn, @case)]] : [],
        });
    }

    /// <summary>The resident's cases only; every lookup by code or id goes through this.</summary>
    public static IQueryable<Case> OwnCases(Turn turn) => turn.Db.Cases
        .Include(c => c.Category).Include(c => c.AccountableOfficial)
        .Where(c => c.ResidentId == turn.Resident.Id);

    private IReadOnlyList<OutboundButton> Row(Turn turn, Case @case)
    {
        var show = codec.Button(turn.T("Resident.Status.Show", @case.TrackingCode), StatusButtons.Show, Id(@case), turn.Message.UserId);
        return @case.Status.IsActive() ? [show, AddButton(turn, @case)] : [show];
    }

    private OutboundButton AddButton(Turn turn, Case @case) =>
        codec.Button(turn.T("Resident.Add.Button", @case.TrackingCode), AddInformationButtons.Add, Id(@case), turn.Message.UserId);

    private static string Id(Case @case) => @case.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
