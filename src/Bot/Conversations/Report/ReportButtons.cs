using System.Globalization;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Conversations.Start;

namespace ResidentBot.Bot.Conversations.Report;

/// <summary>Presses of the report's buttons; each is honoured only at the step that offered it.</summary>
internal sealed class ReportButtons(ReportPrompts prompts, ReportSubmitter submitter, CurrentRouting routing) : IButtonHandler
{
    public const string Category = "r.cat";
    public const string Area = "r.area";
    public const string Photos = "r.ph";
    public const string Anonymous = "r.anon";
    public const string Publish = "r.pub";
    public const string Confirm = "r.ok";
    public const string Edit = "r.edit";
    public const string Part = "r.part";
    public const string Cancel = "r.x";

    public IReadOnlyCollection<string> Actions { get; } = [Category, Area, Photos, Anonymous, Publish, Confirm, Edit, Part, Cancel];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var draft = turn.Conversation.Flow == ReportSteps.Flow ? turn.Data<ReportDraft>() : null;
        if (draft is null || !await TryApplyAsync(turn, draft, action, argument, cancellationToken))
        {
            turn.ButtonAnswer = (turn.T("Resident.Report.Expired"), true);
        }
    }

    private async Task<bool> TryApplyAsync(Turn turn, ReportDraft draft, string action, string argument, CancellationToken cancellationToken)
    {
        var step = turn.Conversation.Step;
        var engine = await routing.GetAsync(cancellationToken);
        switch (action)
        {
            case Category when step == ReportSteps.Category && engine.Directory.CategoriesByCode.ContainsKey(argument):
                draft.CategoryCode = engine.Directory.CategoriesByCode[argument].Code;
                break;
            case Area when step == ReportSteps.Where && int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var areaId)
                                                    && draft.PlaceChoices.Contains(areaId):
                draft.AreaId = areaId;
                draft.PlaceChoices = [];
                break;
            case Photos when step == ReportSteps.Photos:
                draft.PhotosDone = true;
                break;
            case Anonymous when step == ReportSteps.Summary:
                draft.Anonymous = !draft.Anonymous;
                turn.MoveTo(ReportSteps.Summary, draft);
                prompts.ShowSummary(turn, engine, draft, turn.Message.MessageId);
                return true;
            case Publish when step == ReportSteps.Summary:
                draft.Publish = !draft.Publish;
                turn.MoveTo(ReportSteps.Summary, draft);
                prompts.ShowSummary(turn, engine, draft, turn.Message.MessageId);
                return true;
            case Confirm when step == ReportSteps.Summary:
                // Where edits would become new messages, the summary stays as it was: repeating it would only add noise.
                if (turn.Message.MessageId is { } summary && turn.Capabilities.CanEditMessages)
                {
                    prompts.CloseSummary(turn, engine, draft, summary);
                }

                await submitter.SubmitAsync(turn, draft, cancellationToken);
                return true;
            case Edit when step == ReportSteps.Summary:
                prompts.OfferEdits(turn);
                return true;
            case Part when step == ReportSteps.Summary && Clear(draft, argument):
                break;
            case Cancel:
                turn.EndFlow();
                turn.Reply(MainMenu.With(turn, turn.T("Common.Cancelled")));
                return true;
            default:
                return false;
        }

        await prompts.ContinueAsync(turn, draft, cancellationToken);
        return true;
    }

    private static bool Clear(ReportDraft draft, string part)
    {
        switch (part)
        {
            case "cat":
                draft.CategoryCode = null;
                return true;
            case "place":
                (draft.AreaId, draft.Latitude, draft.Longitude, draft.AddressText) = (null, null, null, null);
                return true;
            case "desc":
                draft.Description = null;
                return true;
            case "photos":
                draft.Photos = [];
                draft.PhotosDone = false;
                return true;
            default:
                return false;
        }
    }
}
