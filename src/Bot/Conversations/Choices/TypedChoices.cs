using System.Globalization;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Conversations.Choices;

/// <summary>
/// On a channel without buttons, what a typed text means against the chat's newest list of numbered choices: a number
/// or a label on the list (its words, without the emoji) becomes the press of that choice's button: the signed data
/// that was offered, verified like any press, so a handler refuses a stale one as it refuses a stale button. A number
/// not on the list is refused with nothing changed; "thêm" shows the next page. Any other text is ordinary input.
/// </summary>
internal sealed class TypedChoices(ChannelCatalog catalog, ChoiceLists lists)
{
    private const int MaxLabelLength = 100;

    // Longer numbers (a phone number, a year, a house number) are what the person means to say, not a pick.
    private const int MaxNumberDigits = 3;

    public async Task<TypedChoice?> ReadAsync(ResidentBotDbContext db, InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is not { Kind: InboundKind.Text, ChatKind: ChatKind.Private, Text: { } typed } || catalog.For(message.Channel).HasButtons)
        {
            return null;
        }

        var text = typed.Trim().TrimEnd('.', ')');
        if (text.Length is 0 or > MaxLabelLength
            || await lists.LatestAsync(db, message.Channel, message.ChatId, cancellationToken) is not { } list)
        {
            return null;
        }

        var choices = list.Message.Choices;
        if (text.Length <= MaxNumberDigits && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= choices.Count ? TypedChoice.Pick(message, choices[number - 1], list) : TypedChoice.NotOffered(number, choices.Count);
        }

        if (choices.FirstOrDefault(c => string.Equals(Words(c.Label), Words(text), StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            return TypedChoice.Pick(message, named, list);
        }

        var pages = ChoiceShaper.Pages(choices.Count, ChoiceShaper.NumberedPageSize);
        return pages > 1 && IsMore(text) ? TypedChoice.More(list, (list.Message.ChoicePage + 1) % pages) : null;
    }

    private static bool IsMore(string text) =>
        new[] { Texts.Vietnamese, Texts.English }.SelectMany(language => Texts.Get(language, "Choice.MoreWords").Split('|'))
            .Any(word => string.Equals(word, text, StringComparison.OrdinalIgnoreCase));

    /// <summary>A label without the emoji and marks around its words, so "Xong" names «✅ Xong».</summary>
    private static string Words(string label)
    {
        var start = 0;
        var end = label.Length;
        while (start < end && !char.IsLetterOrDigit(label[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(label[end - 1]))
        {
            end--;
        }

        return label[start..end].Normalize();
    }
}

/// <summary>A typed text read as a choice: the press it stands for, or an answer without one.</summary>
internal sealed record TypedChoice
{
    private TypedChoice()
    {
    }

    /// <summary>The message as the press of the chosen button, shown by the list's message; null when there is no press.</summary>
    public InboundMessage? Press { get; private init; }

    private int Number { get; init; }

    private int Offered { get; init; }

    private ChoiceList? List { get; init; }

    private int Page { get; init; }

    public static TypedChoice Pick(InboundMessage message, OutboundButton choice, ChoiceList list) => new()
    {
        Press = message with { Kind = InboundKind.ButtonPress, CallbackData = choice.Data, CallbackId = null, MessageId = list.MessageId, Text = null },
    };

    public static TypedChoice NotOffered(int number, int offered) => new() { Number = number, Offered = offered };

    public static TypedChoice More(ChoiceList list, int page) => new() { List = list, Page = page };

    /// <summary>Answers a choice that is no press: the next page, or why the number is not one of the list's.</summary>
    public void Answer(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (List is { } list)
        {
            ChoiceLists.ShowPage(turn, list, Page, editMessageId: null);
        }
        else
        {
            turn.Reply(turn.T("Choice.NotOffered", Number, Offered));
        }
    }
}
