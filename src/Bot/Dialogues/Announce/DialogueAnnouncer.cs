using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Start;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Announce;

/// <summary>
/// Turns a confirmed announcement into a dialogue and its invitations, inside the turn's transaction: the dialogue, one
/// invitation per resident of its areas and the reply commit together. A leader announced for by an administrator is told.
/// </summary>
internal sealed partial class DialogueAnnouncer(
    DialogueRules rules, DialogueInvitations invitations, OfficialNotifier officials, ILogger<DialogueAnnouncer> logger)
{
    public async Task AnnounceAsync(Turn turn, AnnounceDraft draft, CancellationToken cancellationToken)
    {
        var view = await rules.GetAsync(cancellationToken);
        var announcer = turn.Official?.Id ?? draft.LeaderOfficialId;
        if (draft.StartsAt is not { } startsAt || startsAt <= turn.Now)
        {
            // The summary waited past the start time: ask for a new one rather than announce a dialogue in the past.
            draft.StartsAt = null;
            turn.Reply(turn.T("Dialogue.Announce.WhenPassed"));
            turn.MoveTo(AnnounceSteps.When, draft);
            return;
        }

        var dialogue = Dialogue.Announce(new NewDialogue(draft.LeaderOfficialId, draft.LeaderAreaId, draft.ScopeAreaId!.Value, draft.Topic!, draft.Place!,
            startsAt, view.Options.Length, announcer), turn.Now);
        turn.Db.Set<Dialogue>().Add(dialogue);
        await turn.Db.SaveChangesAsync(cancellationToken); // invitations carry the dialogue's id
        dialogue.InvitedCount = await invitations.InviteAsync(dialogue, view, turn.Now, cancellationToken);

        turn.EndFlow();
        var when = DialogueText.When(view, dialogue);
        turn.Reply(MainMenu.With(turn, turn.T("Dialogue.Announce.Done", dialogue.Topic, when, dialogue.InvitedCount)));
        if (announcer != dialogue.LeaderOfficialId)
        {
            await officials.SendAsync(dialogue.LeaderOfficialId, $"dialogue-announced:{dialogue.Id}",
                chat => new Channels.OutboundMessage { Text = chat.T("Dialogue.Announce.ForYou", dialogue.Topic, when, dialogue.Place, dialogue.InvitedCount), Tag = DialogueTag.For(dialogue.Id) },
                cancellationToken);
        }

        LogAnnounced(dialogue.Id, dialogue.LeaderOfficialId, dialogue.InvitedCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dialogue {DialogueId} announced for leader {LeaderId}; {Invited} residents invited")]
    private partial void LogAnnounced(int dialogueId, int leaderId, int invited);
}
