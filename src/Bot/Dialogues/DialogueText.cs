using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Dialogues;

/// <summary>The words every message about a dialogue shares: who holds it, for where, when and where.</summary>
internal static class DialogueText
{
    public static string Leader(RoutingEngine engine, Dialogue dialogue) =>
        engine.Directory.OfficialsById.TryGetValue(dialogue.LeaderOfficialId, out var leader) ? leader.Title : "?";

    public static string Scope(RoutingEngine engine, Dialogue dialogue) =>
        engine.Directory.AreasById.TryGetValue(dialogue.ScopeAreaId, out var area) ? area.Name : "?";

    public static string When(DialogueView view, Dialogue dialogue) => TimeText.Local(dialogue.StartsAt, view.Zone);

    /// <summary>What the Zalo template of a notice fills in (see OutboundMessage.NoticeParams).</summary>
    public static IReadOnlyDictionary<string, string> Params(DialogueView view, Dialogue dialogue) => new Dictionary<string, string>
    {
        ["topic"] = dialogue.Topic,
        ["leader"] = Leader(view.Engine, dialogue),
        ["area"] = Scope(view.Engine, dialogue),
        ["startsAt"] = When(view, dialogue),
        ["place"] = dialogue.Place,
    };
}
