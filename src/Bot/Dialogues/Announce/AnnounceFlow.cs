using System.Globalization;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Announce;

/// <summary>Typed answers while announcing: the topic, the date and time (local, dd/MM/yyyy HH:mm), the place or link.</summary>
internal sealed class AnnounceFlow(AnnouncePrompts prompts, DialogueRules rules) : IFlowHandler
{
    public const int MinTopicLength = 5;

    private static readonly string[] TimeFormats = ["d/M/yyyy H:mm", "d/M/yyyy H'h'mm", "d/M/yyyy H'h'", "d-M-yyyy H:mm"];

    /// <summary>Far enough for a year's plan, near enough to catch a mistyped year.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    public string Flow => AnnounceSteps.Flow;

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var draft = turn.Data<AnnounceDraft>();
        var text = turn.Message.Kind == InboundKind.Text ? turn.Message.Text?.Trim() : null;
        if (draft is null)
        {
            turn.EndFlow();
            return;
        }

        if (string.IsNullOrEmpty(text))
        {
            turn.Reply(turn.T("Dialogue.Announce.NeedText"));
            return;
        }

        switch (turn.Conversation.Step)
        {
            case AnnounceSteps.Topic when text.Length is < MinTopicLength or > Dialogue.MaxTopicLength:
                turn.Reply(turn.T("Dialogue.Announce.TopicLength", MinTopicLength, Dialogue.MaxTopicLength));
                return;
            case AnnounceSteps.Topic:
                draft.Topic = text;
                break;
            case AnnounceSteps.When:
                if (await ParseWhenAsync(turn, text, cancellationToken) is not { } startsAt)
                {
                    return;
                }

                draft.StartsAt = startsAt;
                break;
            case AnnounceSteps.Place when text.Length > Dialogue.MaxPlaceLength:
                turn.Reply(turn.T("Dialogue.Announce.PlaceLength", Dialogue.MaxPlaceLength));
                return;
            case AnnounceSteps.Place:
                draft.Place = text;
                break;
            default:
                turn.Reply(turn.T("Dialogue.Announce.UseButtons"));
                return;
        }

        await prompts.ContinueAsync(turn, draft, cancellationToken);
    }

    private async Task<DateTimeOffset?> ParseWhenAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var view = await rules.GetAsync(cancellationToken);
        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            turn.Reply(turn.T("Dialogue.Announce.WhenUnreadable", text));
            return null;
        }

        // A wall-clock time in the directory's zone (Asia/Ho_Chi_Minh has no daylight saving, so every local time exists once).
        var startsAt = new DateTimeOffset(local, view.Zone.GetUtcOffset(local)).ToUniversalTime();
        if (startsAt <= turn.Now || startsAt > turn.Now + Horizon)
        {
            turn.Reply(turn.T("Dialogue.Announce.WhenOutOfRange", text));
            return null;
        }

        return startsAt;
    }
}
