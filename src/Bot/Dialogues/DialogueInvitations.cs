using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Outbox;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Escalation;

namespace ResidentBot.Bot.Dialogues;

/// <summary>
/// Invites the residents of a dialogue's areas (its scope and everything below) on their channels, through the outbox in
/// the caller's unit of work, with buttons to be reminded and to send a question. The caller saves.
/// </summary>
internal sealed class DialogueInvitations(DialogueResidents residents, OutboxWriter outbox, ButtonCodec codec)
{
    public const string Notice = "dialogue-invite";

    public async Task<int> InviteAsync(Dialogue dialogue, DialogueView view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialogue);
        ArgumentNullException.ThrowIfNull(view);
        var areas = SupervisorScope.Below(view.Engine.Directory, new HashSet<int> { dialogue.ScopeAreaId });
        var invited = await residents.OfAreasAsync(areas, now - view.Options.ResidentAreaWithin, cancellationToken);
        var chats = await residents.ChatsAsync(invited, cancellationToken);
        foreach (var chat in chats.Values)
        {
            outbox.Enqueue(chat.To, Invitation(chat, dialogue, view), $"dialogue-invite:{dialogue.Id}:{chat.ResidentId}");
        }

        return chats.Count;
    }

    public OutboundMessage Invitation(ResidentChat chat, Dialogue dialogue, DialogueView view) => new()
    {
        Text = chat.T("Dialogue.Invite", DialogueText.Leader(view.Engine, dialogue), DialogueText.Scope(view.Engine, dialogue),
            dialogue.Topic, DialogueText.When(view, dialogue), dialogue.Place),
        Buttons = [Buttons(chat.Language, chat.ChatId, dialogue)],
        Tag = DialogueTag.For(dialogue.Id),
        Language = chat.Language,
        Notice = Notice,
        NoticeParams = DialogueText.Params(view, dialogue),
    };

    /// <summary>"Remind me" and "Send a question", signed for the one person they are sent to.</summary>
    public IReadOnlyList<OutboundButton> Buttons(string language, string recipientUserId, Dialogue dialogue)
    {
        ArgumentNullException.ThrowIfNull(dialogue);
        var id = DialogueTag.Id(dialogue.Id);
        return
        [
            codec.Button(Resources.Texts.Get(language, "Dialogue.Button.Subscribe"), DialogueActions.Subscribe, id, recipientUserId),
            codec.Button(Resources.Texts.Get(language, "Dialogue.Button.Ask"), DialogueActions.Ask, id, recipientUserId),
        ];
    }
}

/// <summary>The button actions of dialogues.</summary>
internal static class DialogueActions
{
    public const string New = "dg.new";
    public const string Scope = "dg.scope";
    public const string Confirm = "dg.ok";
    public const string Cancel = "dg.x";
    public const string Subscribe = "dg.sub";
    public const string Ask = "dg.ask";
    public const string Category = "dg.cat";
    public const string Summary = "dg.sum";
    public const string Answer = "dg.ans";
}
