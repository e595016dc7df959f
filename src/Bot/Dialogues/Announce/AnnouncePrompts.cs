using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Dialogues.Announce;

/// <summary>Asks for whatever the announcement still lacks, in order: topic, areas, date and time, place; then the summary.</summary>
internal sealed class AnnouncePrompts(ButtonCodec codec, DialogueRules rules)
{
    public async Task ContinueAsync(Turn turn, AnnounceDraft draft, CancellationToken cancellationToken)
    {
        var view = await rules.GetAsync(cancellationToken);
        var engine = view.Engine;
        var below = Children(engine, draft.LeaderAreaId);
        if (draft.ScopeAreaId is null && below.Count == 0)
        {
            draft.ScopeAreaId = draft.LeaderAreaId; // a ward or commune leader invites their own area
        }

        var step = draft switch
        {
            { Topic: null } => AnnounceSteps.Topic,
            { ScopeAreaId: null } => AnnounceSteps.Scope,
            { StartsAt: null } => AnnounceSteps.When,
            { Place: null } => AnnounceSteps.Place,
            _ => AnnounceSteps.Confirm,
        };
        turn.MoveTo(step, draft);
        switch (step)
        {
            case AnnounceSteps.Topic:
                turn.Reply(turn.T("Dialogue.Announce.AskTopic", engine.Directory.OfficialsById[draft.LeaderOfficialId].Title));
                break;
            case AnnounceSteps.Scope:
                AskScope(turn, engine, draft, below);
                break;
            case AnnounceSteps.When:
                turn.Reply(turn.T("Dialogue.Announce.AskWhen"));
                break;
            case AnnounceSteps.Place:
                turn.Reply(turn.T("Dialogue.Announce.AskPlace"));
                break;
            default:
                turn.Reply(new OutboundMessage
                {
                    Text = turn.T("Dialogue.Announce.Summary", engine.Directory.OfficialsById[draft.LeaderOfficialId].Title,
                        engine.Directory.AreasById[draft.ScopeAreaId!.Value].Name, draft.Topic, TimeText.Local(draft.StartsAt!.Value, view.Zone),
                        TimeText.Local(draft.StartsAt!.Value + view.Options.Length, view.Zone), draft.Place),
                    Buttons = [[Button(turn, "Dialogue.Announce.Confirm", DialogueActions.Confirm, ""), Button(turn, "Dialogue.Announce.Cancel", DialogueActions.Cancel, "")]],
                });
                break;
        }
    }

    private void AskScope(Turn turn, RoutingEngine engine, AnnounceDraft draft, IReadOnlyList<Routing.Areas.Area> below)
    {
        var own = engine.Directory.AreasById[draft.LeaderAreaId];
        IReadOnlyList<OutboundButton> all = [codec.Button(turn.T("Dialogue.Announce.ScopeAll", own.Name), DialogueActions.Scope,
            DialogueTag.Id(own.Id), turn.Message.UserId)];
        turn.Reply(new OutboundMessage
        {
            Text = turn.T("Dialogue.Announce.AskScope", own.Name),
            Buttons = [all, .. below.Select(a => codec.Button(a.Name, DialogueActions.Scope, DialogueTag.Id(a.Id), turn.Message.UserId))
                .Chunk(2).Select(row => (IReadOnlyList<OutboundButton>)row)],
        });
    }

    /// <summary>The areas right below the leader's, offered as narrower scopes.</summary>
    public static IReadOnlyList<Routing.Areas.Area> Children(RoutingEngine engine, int areaId) =>
        [.. engine.Directory.Areas.Where(a => a.ParentId == areaId).OrderBy(a => a.Name, StringComparer.Ordinal)];

    private OutboundButton Button(Turn turn, string key, string action, string argument) => codec.Button(turn.T(key), action, argument, turn.Message.UserId);
}
