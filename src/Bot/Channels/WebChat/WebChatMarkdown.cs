using System.Text;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Our plain text as Markdown, the text format Direct Line clients render by default. Microsoft's Web Chat draws a
/// plain-text message as one padded paragraph per line (a blank line becomes a gap of about three lines), while its
/// Markdown keeps a line break a line break and a blank line one paragraph gap. Every character Markdown would read
/// as syntax is escaped with a backslash, so a resident's words appear exactly as typed (no emphasis, links, HTML or
/// lists appear by accident); a client that shows the text raw removes each backslash before the character it escapes.
/// </summary>
internal static class WebChatMarkdown
{
    public const string Format = "markdown";

    // Always syntax somewhere in a line: emphasis, code, links and images, HTML and entities, tables, strikethrough.
    private const string Inline = "\\`*_[]<>&|~";

    // Syntax only at the start of a line: headings, lists, quotes, setext underlines and rules.
    private const string LineStart = "#-+=>";

    public static string FromPlain(string text)
    {
        var paragraphs = new List<List<string>>();
        var current = new List<string>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0)
            {
                current.Add(Escape(line));
            }
            else if (current.Count > 0)
            {
                paragraphs.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        // A backslash at the end of a line is Markdown's hard line break.
        return string.Join("\n\n", paragraphs.Select(lines => string.Join("\\\n", lines)));
    }

    private static string Escape(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        var digitsOnly = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var atStart = i == 0;
            var orderedListMark = digitsOnly && i > 0 && c is '.' or ')';
            var doubledDash = c == '-' && i > 0 && line[i - 1] == '-';
            if (Inline.Contains(c, StringComparison.Ordinal) || (atStart && LineStart.Contains(c, StringComparison.Ordinal)) || orderedListMark || doubledDash)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            digitsOnly &= char.IsAsciiDigit(c);
        }

        return escaped.ToString();
    }
}
