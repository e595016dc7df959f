using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Engine;
using ResidentBot.Routing.Where;

namespace ResidentBot.Bot.Conversations.Report;

/// <summary>Free input while reporting: the place (location or text), the description, the photos.</summary>
internal sealed class ReportFlow(ReportPrompts prompts, CurrentRouting routing, PhotoPolicy photos, MainMenuInput menu) : IFlowHandler
{
    public const int MinDescriptionLength = 10;
    private const int MaxAddressLength = 500;

    public string Flow => ReportSteps.Flow;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await menu.TryHandleAsync(turn, cancellationToken))
        {
            return;
        }

        var draft = turn.Data<ReportDraft>() ?? new ReportDraft();
        switch (turn.Conversation.Step)
        {
            case ReportSteps.Where:
                await PlaceAsync(turn, draft, cancellationToken);
                break;
            case ReportSteps.Description:
                await DescriptionAsync(turn, draft, cancellationToken);
                break;
            case ReportSteps.Photos:
                AddPhoto(turn, draft);
                break;
            default:
                turn.Reply(turn.T(turn.Capabilities.Choose("Resident.Report.UseButtons")));
                break;
        }
    }

    private async Task PlaceAsync(Turn turn, ReportDraft draft, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        var engine = await routing.GetAsync(cancellationToken);
        PlaceQuery query;
        string? typed = null;
        if (message is { Kind: InboundKind.Location, Location: { } point })
        {
            query = PlaceQuery.ByPoint(point.Latitude, point.Longitude);
        }
        else if (message is { Kind: InboundKind.Text, Text: { } text } && !string.IsNullOrWhiteSpace(text))
        {
            typed = text.Trim();
            typed = typed.Length > MaxAddressLength ? typed[..MaxAddressLength] : typed;
            query = PlaceQuery.ByText(typed);
        }
        else
        {
            prompts.AskWhere(turn);
            return;
        }

        var outcome = engine.Route(new RoutingRequest(draft.CategoryCode!, query, turn.Now));
        switch (outcome.Place.Kind)
        {
            case AreaMatchKind.Found:
                draft.AreaId = outcome.Place.Area!.Id;
                draft.Latitude = message.Location?.Latitude;
                draft.Longitude = message.Location?.Longitude;
                draft.AddressText = typed;
                draft.PlaceChoices = [];
                await prompts.ContinueAsync(turn, draft, cancellationToken);
                break;
            case AreaMatchKind.Choices:
                draft.PlaceChoices = [.. outcome.Place.Choices.Select(a => a.Id)];
                draft.AddressText = typed;
                turn.MoveTo(ReportSteps.Where, draft);
                prompts.OfferPlaces(turn, engine, typed ?? string.Empty, draft.PlaceChoices);
                break;
            default:
                var unknown = turn.Capabilities.CanShareLocation ? "Resident.Report.PlaceUnknown" : "Resident.Report.PlaceUnknownTyped";
                turn.Reply(typed is null ? turn.T("Resident.Report.LocationUnknown") : turn.T(unknown, typed));
                break;
        }
    }

    private async Task DescriptionAsync(Turn turn, ReportDraft draft, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        var text = message.Kind is InboundKind.Text or InboundKind.Photo ? message.Text?.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            prompts.AskDescription(turn, await routing.GetAsync(cancellationToken), draft);
            return;
        }

        if (text.Length < MinDescriptionLength)
        {
            turn.Reply(turn.T("Resident.Report.DescriptionTooShort", MinDescriptionLength));
            return;
        }

        if (text.Length > Case.MaxDescriptionLength)
        {
            turn.Reply(turn.T("Resident.Report.DescriptionTooLong", text.Length, Case.MaxDescriptionLength));
            return;
        }

        draft.Description = text;
        if (message.Kind == InboundKind.Photo && TryTake(turn, draft) is false)
        {
            turn.MoveTo(ReportSteps.Description, draft);
            return;
        }

        await prompts.ContinueAsync(turn, draft, cancellationToken);
    }

    private void AddPhoto(Turn turn, ReportDraft draft)
    {
        if (turn.Message.Kind != InboundKind.Photo)
        {
            prompts.AskPhotos(turn);
            return;
        }

        if (TryTake(turn, draft))
        {
            turn.MoveTo(ReportSteps.Photos, draft);
            turn.Reply(new OutboundMessage
            {
                Text = turn.T(turn.Capabilities.Choose("Resident.Report.PhotoAdded"), draft.Photos.Count),
                Buttons = [prompts.PhotoButtons(turn)],
            });
        }
    }

    /// <summary>Adds the message's photos to the draft, or explains why not (too large, too many).</summary>
    private bool TryTake(Turn turn, ReportDraft draft)
    {
        if (photos.Refusal(turn) is { } refusal)
        {
            turn.Reply(refusal);
            return false;
        }

        if (draft.Photos.Count + turn.Message.Photos.Count > PhotoPolicy.MaxPerReport)
        {
            turn.Reply(turn.T(turn.Capabilities.Choose("Resident.Report.TooManyPhotos"), PhotoPolicy.MaxPerReport));
            return false;
        }

        draft.Photos.AddRange(turn.Message.Photos.Select(p => new DraftPhoto(p.FileRef, p.ContentType)));
        return true;
    }
}
