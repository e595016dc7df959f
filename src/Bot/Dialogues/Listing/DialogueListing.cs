using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Dialogues.Announce;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Listing;

/// <summary>
/// The dialogues that concern the sender: those whose areas include an area they reported in, and a leader's own; a
/// resident the bot knows no area of sees every dialogue. Newest first, recent and coming ones only.
/// </summary>
internal sealed class DialogueListing(DialogueRules rules, DialogueResidents residents, DialogueHosts hosts, ButtonCodec codec)
{
    public const int MaxListed = 8;
    private static readonly TimeSpan Recent = TimeSpan.FromDays(180);

    public async Task ShowAsync(Turn turn, CancellationToken cancellationToken)
    {
        var view = await rules.GetAsync(cancellationToken);
        var directory = view.Engine.Directory;
        var areas = await residents.AreasOfAsync(turn.Resident.Id, turn.Now - view.Options.ResidentAreaWithin, cancellationToken);
        var scopes = areas.SelectMany(a => directory.SelfAndAncestors(a)).Select(a => a.Id).ToHashSet();
        var everywhere = scopes.Count == 0;
        var leader = turn.Official?.Id ?? -1;
        var since = turn.Now - Recent;
        var dialogues = await turn.Db.Set<Dialogue>().AsNoTracking()
            .Where(d => d.EndsAt >= since && (everywhere || scopes.Contains(d.ScopeAreaId) || d.LeaderOfficialId == leader))
            .OrderByDescending(d => d.StartsAt).Take(MaxListed).ToListAsync(cancellationToken);
        var isLeader = await hosts.IsLeaderAsync(turn, cancellationToken);
        List<IReadOnlyList<OutboundButton>> buttons = [];
        var text = new StringBuilder(turn.T(dialogues.Count == 0 ? "Dialogue.List.None" : "Dialogue.List.Header"));
        foreach (var (dialogue, i) in dialogues.Select((d, i) => (d, i + 1)))
        {
            text.Append("\n\n").Append(turn.T("Dialogue.List.Item", i, dialogue.Topic, DialogueText.When(view, dialogue), dialogue.Place,
                DialogueText.Leader(view.Engine, dialogue), DialogueText.Scope(view.Engine, dialogue)));
            var id = DialogueTag.Id(dialogue.Id);
            var number = i.ToString(CultureInfo.InvariantCulture);
            List<OutboundButton> row = [];
            if (dialogue.TakesQuestions(turn.Now))
            {
                row.Add(Button(turn, "Dialogue.List.Subscribe", number, DialogueActions.Subscribe, id));
                row.Add(Button(turn, "Dialogue.List.Ask", number, DialogueActions.Ask, id));
            }

            row.Add(Button(turn, "Dialogue.List.Summary", number, DialogueActions.Summary, id));
            buttons.Add(row);
        }

        if (isLeader)
        {
            buttons.Add([codec.Button(turn.T("Dialogue.List.New"), DialogueActions.New, string.Empty, turn.Message.UserId)]);
        }

        turn.Reply(new OutboundMessage { Text = text.ToString(), Buttons = buttons });
    }

    private OutboundButton Button(Turn turn, string key, string number, string action, string argument) =>
        codec.Button(turn.T(key, number), action, argument, turn.Message.UserId);
}
