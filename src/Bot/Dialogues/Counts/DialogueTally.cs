using System.Globalization;
using System.Text;
using ResidentBot.Bot.Notifications;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Counts;

/// <summary>The leaders' dialogue counts of one supervisor's areas for the year, as the digests print them.</summary>
internal sealed record DialogueTally(IReadOnlyList<LeaderDialogues> Lines, int Year, DateOnly FlagDate)
{
    public bool AnyFlagged => Lines.Any(l => l.Flagged);

    /// <summary>A block to append to a digest; empty when no leader in the areas has a minimum.</summary>
    public string Render(OfficialChat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        if (Lines.Count == 0)
        {
            return string.Empty;
        }

        var flagDate = FlagDate.ToString("dd/MM", CultureInfo.InvariantCulture);
        var text = new StringBuilder("\n\n").Append(chat.T("Dialogue.Counts.Header", Year));
        foreach (var line in Lines)
        {
            text.Append("\n• ").Append(chat.T(line.Flagged ? "Dialogue.Counts.Flagged" : "Dialogue.Counts.Line", line.Leader.Title, line.Held, line.Minimum, flagDate));
        }

        return text.ToString();
    }
}
