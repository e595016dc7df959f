using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Open311.Requests;

/// <summary>
/// What a client reads of one line of a case's log, in its language: who acted, by title (never a person's name), and
/// what they said — the official's reply, question, result or reason.
/// </summary>
internal static class UpdateText
{
    /// <summary>The lines that carry officials' words: they make a request's <c>status_notes</c>.</summary>
    public static IReadOnlySet<CaseEventKind> Notes { get; } = new HashSet<CaseEventKind>
    {
        CaseEventKind.RepliedToResident, CaseEventKind.InformationRequested, CaseEventKind.Resolved, CaseEventKind.Rejected, CaseEventKind.MarkedDuplicate,
    };

    public static string Describe(string language, CaseEvent line, IReadOnlyDictionary<int, Official> officials)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(officials);
        var actor = Title(line.ActorKind == ActorKind.Official ? line.ActorId : line.OfficialId, officials);
        var note = line.Note ?? string.Empty;
        return line.Kind switch
        {
            CaseEventKind.Acknowledged => Texts.Format(language, "Open311.Update.Acknowledged", actor),
            CaseEventKind.RepliedToResident => Texts.Format(language, "Open311.Update.Reply", actor, note),
            CaseEventKind.InformationRequested => Texts.Format(language, "Open311.Update.Question", actor, note),
            CaseEventKind.Resolved => Texts.Format(language, "Open311.Update.Resolved", actor, note),
            CaseEventKind.Rejected => Texts.Format(language, "Open311.Update.Rejected", actor, note),
            CaseEventKind.Transferred => Texts.Format(language, "Open311.Update.Transferred", Title(line.OfficialId, officials)),
            CaseEventKind.Reopened => Texts.Get(language, "Open311.Update.Reopened"),
            CaseEventKind.MarkedDuplicate => Texts.Format(language, "Open311.Update.Duplicate", note),
            _ => Texts.Get(language, "Open311.Update.Closed"),
        };
    }

    public static string Title(int? officialId, IReadOnlyDictionary<int, Official> officials) =>
        officialId is { } id && officials.TryGetValue(id, out var official) ? official.Title : "—";
}
