using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Conversations.Report;

/// <summary>Asks for whatever the draft still lacks, in order: category, place, description, photos, then the summary.</summary>
internal sealed class ReportPrompts(ButtonCodec codec, CurrentRouting routing)
{
    public async Task ContinueAsync(Turn turn, ReportDraft draft, CancellationToken cancellationToken)
    {
        var engine = await routing.GetAsync(cancellationToken);
        var step = draft switch
        {
            { CategoryCode: null } => ReportSteps.Category,
            { AreaId: null } => ReportSteps.Where,
            { Description: null } => ReportSteps.Description,
            { PhotosDone: false } => ReportSteps.Photos,
            _ => ReportSteps.Summary,
        };
        turn.MoveTo(step, draft);
        switch (step)
        {
            case ReportSteps.Category:
                AskCategory(turn, engine);
                break;
            case ReportSteps.Where:
                AskWhere(turn);
                break;
            case ReportSteps.Description:
                AskDescription(turn, engine, draft);
                break;
            case ReportSteps.Photos:
                AskPhotos(turn);
                break;
            default:
                ShowSummary(turn, engine, draft, editMessageId: null);
                break;
        }
    }

    /// <summary>Offers "share location" only to a client that can do it; any other is asked to type the place.</summary>
    public void AskWhere(Turn turn) => turn.Reply(turn.Capabilities.CanShareLocation
        ? new OutboundMessage
        {
            Text = turn.T("Resident.Report.AskWhere"),
            Keyboard = KeyboardKind.RequestLocation,
            RequestLocationLabel = turn.T("Resident.Report.ShareLocation"),
        }
        : new OutboundMessage { Text = turn.T("Resident.Report.AskWhereTyped") });

    /// <summary>Removes the share-location keyboard; the main menu comes back only when the report is over.</summary>
    public void AskDescription(Turn turn, RoutingEngine engine, ReportDraft draft) => turn.Reply(
        turn.T("Resident.Report.AskDescription", PlaceName(engine, draft.AreaId!.Value)), KeyboardKind.Remove);

    public void AskPhotos(Turn turn) => turn.Reply(new OutboundMessage
    {
        Text = turn.T(turn.Capabilities.Choose("Resident.Report.AskPhotos"), PhotoPolicy.MaxPerReport),
        Buttons = [PhotoButtons(turn)],
    });

    public IReadOnlyList<OutboundButton> PhotoButtons(Turn turn) =>
    [
        Button(turn, "Resident.Report.PhotosDone", ReportButtons.Photos, "done"),
        Button(turn, "Resident.Report.PhotosSkip", ReportButtons.Photos, "skip"),
    ];

    public void OfferPlaces(Turn turn, RoutingEngine engine, string query, IEnumerable<int> areaIds) => turn.Reply(new OutboundMessage
    {
        Text = turn.T("Resident.Report.PlaceChoices", query),
        Buttons = [.. areaIds.Select(id => (IReadOnlyList<OutboundButton>)
            [codec.Button(PlaceName(engine, id), ReportButtons.Area, id.ToString(System.Globalization.CultureInfo.InvariantCulture), turn.Message.UserId)])],
    });

    public void OfferEdits(Turn turn) => turn.Reply(new OutboundMessage
    {
        Text = turn.T("Resident.Report.EditWhat"),
        Buttons =
        [
            [Button(turn, "Resident.Report.EditCategory", ReportButtons.Part, "cat"), Button(turn, "Resident.Report.EditPlace", ReportButtons.Part, "place")],
            [Button(turn, "Resident.Report.EditDescription", ReportButtons.Part, "desc"), Button(turn, "Resident.Report.EditPhotos", ReportButtons.Part, "photos")],
        ],
    });

    public void ShowSummary(Turn turn, RoutingEngine engine, ReportDraft draft, string? editMessageId) => turn.Reply(new OutboundMessage
    {
        Text = SummaryText(turn, engine, draft),
        EditMessageId = editMessageId,
        Buttons =
        [
            [Button(turn, "Resident.Report.Confirm", ReportButtons.Confirm, string.Empty), Button(turn, "Resident.Report.Edit", ReportButtons.Edit, string.Empty),
                Button(turn, "Resident.Report.Cancel", ReportButtons.Cancel, string.Empty)],
            [Button(turn, "Resident.Report.ToggleAnonymous", ReportButtons.Anonymous, string.Empty),
                Button(turn, draft.Publish ? "Resident.Report.Unpublish" : "Resident.Report.AllowPublish", ReportButtons.Publish, string.Empty)],
        ],
    });

    /// <summary>Once the report is sent, its summary keeps what was sent and loses the buttons that no longer apply.</summary>
    public void CloseSummary(Turn turn, RoutingEngine engine, ReportDraft draft, string summaryMessageId) => turn.Reply(new OutboundMessage
    {
        Text = SummaryText(turn, engine, draft),
        EditMessageId = summaryMessageId,
    });

    private static string SummaryText(Turn turn, RoutingEngine engine, ReportDraft draft)
    {
        var category = engine.Directory.CategoriesByCode[draft.CategoryCode!];
        var decision = engine.Reroute(draft.AreaId!.Value, category.Id, turn.Now);
        return turn.T(turn.Capabilities.Choose("Resident.Report.Summary"),
            ResidentWords.Category(turn.Language, category),
            PlaceName(engine, decision.Area.Id),
            decision.Official.Title,
            draft.Description,
            draft.Photos.Count,
            turn.T(draft.Anonymous ? "Resident.Report.AnonymousOn" : "Resident.Report.AnonymousOff"),
            turn.T(draft.Publish ? "Resident.Report.PublishOn" : "Resident.Report.PublishOff"));
    }

    /// <summary>The area with its parent, so two wards of the same name in different districts read apart.</summary>
    public static string PlaceName(RoutingEngine engine, int areaId)
    {
        var area = engine.Directory.AreasById[areaId];
        return area.ParentId is { } parent && engine.Directory.AreasById.TryGetValue(parent, out var above)
            ? $"{area.Name}, {above.Name}"
            : area.Name;
    }

    private void AskCategory(Turn turn, RoutingEngine engine) => turn.Reply(new OutboundMessage
    {
        Text = turn.T("Resident.Report.AskCategory"),
        Buttons = [.. engine.Directory.Categories
            .Select(c => codec.Button(ResidentWords.Category(turn.Language, c), ReportButtons.Category, c.Code, turn.Message.UserId))
            .Chunk(2)
            .Select(row => (IReadOnlyList<OutboundButton>)row)],
    });

    private OutboundButton Button(Turn turn, string labelKey, string action, string argument) =>
        codec.Button(turn.T(labelKey), action, argument, turn.Message.UserId);
}
