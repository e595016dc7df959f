using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Start;

namespace ResidentBot.Bot.Dialogues.Announce;

/// <summary>"Announce a dialogue", the scope pick and the summary's confirm / cancel; each honoured only at its step.</summary>
internal sealed class AnnounceButtons(AnnouncePrompts prompts, DialogueHosts hosts, DialogueAnnouncer announcer, DialogueRules rules) : IButtonHandler
{
    public IReadOnlyCollection<string> Actions { get; } = [DialogueActions.New, DialogueActions.Scope, DialogueActions.Confirm, DialogueActions.Cancel];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (action == DialogueActions.New)
        {
            await hosts.StartAsync(turn, leaderCode: null, cancellationToken);
            return;
        }

        var draft = turn.Conversation.Flow == AnnounceSteps.Flow ? turn.Data<AnnounceDraft>() : null;
        var step = turn.Conversation.Step;
        var engine = (await rules.GetAsync(cancellationToken)).Engine;
        switch (action)
        {
            case DialogueActions.Scope when draft is not null && step == AnnounceSteps.Scope && DialogueTag.TryId(argument, out var areaId)
                && (areaId == draft.LeaderAreaId || AnnouncePrompts.Children(engine, draft.LeaderAreaId).Any(a => a.Id == areaId)):
                draft.ScopeAreaId = areaId;
                await prompts.ContinueAsync(turn, draft, cancellationToken);
                return;
            case DialogueActions.Confirm when draft is not null && step == AnnounceSteps.Confirm:
                await announcer.AnnounceAsync(turn, draft, cancellationToken);
                return;
            case DialogueActions.Cancel when draft is not null:
                turn.EndFlow();
                turn.Reply(MainMenu.With(turn, turn.T("Common.Cancelled")));
                return;
            default:
                turn.ButtonAnswer = (turn.T("Dialogue.Expired"), true);
                return;
        }
    }
}
