using System.Globalization;
using System.Text.Json;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Conversations.Choices;

/// <summary>
/// Fits every outgoing message to its channel, so prompts are written once with buttons: without buttons the choices
/// become numbered lines (<see cref="TypedChoices"/> reads the typed number back); more choices than the channel's
/// buttons are paged with a "more" button; long labels are shortened; an edit becomes a new message where messages
/// cannot be edited; keyboards are dropped where the channel has none. Applied once, as the outbox queues a message.
/// </summary>
internal sealed class ChoiceShaper(ChannelCatalog catalog, ButtonCodec codec)
{
    /// <summary>Numbered choices shown in one message; the rest follow on "thêm".</summary>
    public const int NumberedPageSize = 10;

    private const string Ellipsis = "…";

    public OutboundMessage Shape(string channel, string recipient, OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var capabilities = catalog.For(channel);
        var shaped = message;
        // An edit that only changes buttons keeps its id: where edits do not exist the channel has nothing to send, and a
        // bare new message would say nothing.
        var changesOnlyButtons = string.IsNullOrWhiteSpace(shaped.Text) && shaped.PhotoRef is null && shaped.PhotoPath is null;
        if (!capabilities.CanEditMessages && shaped.EditMessageId is not null && !changesOnlyButtons)
        {
            shaped = shaped with { EditMessageId = null };
        }

        if (!capabilities.HasMenuKeyboard && shaped.Keyboard != KeyboardKind.None)
        {
            shaped = shaped with { Keyboard = KeyboardKind.None, KeyboardLabels = [], RequestLocationLabel = null };
        }

        var choices = shaped.Buttons.SelectMany(row => row).ToList();
        if (choices.Count == 0 || shaped.Choices.Count > 0)
        {
            return shaped;
        }

        var language = shaped.Language ?? Texts.Vietnamese;
        if (capabilities.MaxButtons < 2 && choices.Count > capabilities.MaxButtons)
        {
            return Numbered(shaped, choices, language);
        }

        return choices.Count > capabilities.MaxButtons
            ? Paged(shaped, choices, capabilities, recipient, language)
            : shaped with { Buttons = [.. shaped.Buttons.Select(row => (IReadOnlyList<OutboundButton>)[.. row.Select(b => Fit(b, capabilities))])] };
    }

    /// <summary>
    /// Whether <paramref name="message"/>, shaped for the channel, would show exactly what a message stored earlier shows
    /// (so sending it again as a new message, where edits are not possible, would only repeat it).
    /// </summary>
    public bool ReadsTheSame(string channel, string recipient, OutboundMessage message, string storedPayload)
    {
        var shaped = Shape(channel, recipient, message);
        var stored = JsonSerializer.Deserialize<OutboundMessage>(storedPayload, OutboxWriter.Json);
        return stored is not null && stored.Text == shaped.Text
            && stored.Buttons.SelectMany(r => r).Select(b => b.Data).SequenceEqual(shaped.Buttons.SelectMany(r => r).Select(b => b.Data))
            && stored.Choices.Select(b => b.Data).SequenceEqual(shaped.Choices.Select(b => b.Data));
    }

    public static int Pages(int choices, int perPage) => Math.Max(1, (choices + perPage - 1) / perPage);

    /// <summary>A label cut to the channel's length at a character boundary, with an ellipsis, so it still reads.</summary>
    public static string Shorten(string label, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(label);
        var info = new StringInfo(label);
        return maxLength <= 0 || info.LengthInTextElements <= maxLength
            ? label
            : info.SubstringByTextElements(0, Math.Max(1, maxLength - 1)).TrimEnd() + Ellipsis;
    }

    private static OutboundMessage Numbered(OutboundMessage message, List<OutboundButton> choices, string language)
    {
        var pages = Pages(choices.Count, NumberedPageSize);
        var page = Math.Clamp(message.ChoicePage, 0, pages - 1);
        var first = page * NumberedPageSize;
        var lines = choices.Skip(first).Take(NumberedPageSize)
            .Select((choice, i) => string.Create(CultureInfo.InvariantCulture, $"{first + i + 1}. {choice.Label}"));
        var hint = Texts.Get(language, "Choice.TypeNumber");
        if (pages > 1)
        {
            hint += " " + Texts.Format(language, "Choice.TypeMore", page + 1, pages);
        }

        var text = string.IsNullOrWhiteSpace(message.Text) ? string.Empty : message.Text.TrimEnd() + "\n\n";
        return message with
        {
            Text = $"{text}{string.Join("\n", lines)}\n\n{hint}",
            Buttons = [],
            Choices = choices,
            ChoicePage = page,
        };
    }

    private OutboundMessage Paged(OutboundMessage message, List<OutboundButton> choices, ChannelCapabilities capabilities, string recipient, string language)
    {
        var perPage = capabilities.MaxButtons - 1;
        var pages = Pages(choices.Count, perPage);
        var page = Math.Clamp(message.ChoicePage, 0, pages - 1);
        var next = ((page + 1) % pages).ToString(CultureInfo.InvariantCulture);
        var more = codec.Button(Shorten(Texts.Format(language, "Choice.More", page + 1, pages), capabilities.MaxButtonLabelLength),
            ChoicePageButton.More, next, recipient);
        return message with
        {
            Buttons = [.. choices.Skip(page * perPage).Take(perPage).Select(b => (IReadOnlyList<OutboundButton>)[Fit(b, capabilities)]), [more]],
            Choices = choices,
            ChoicePage = page,
        };
    }

    private static OutboundButton Fit(OutboundButton button, ChannelCapabilities capabilities) =>
        button with { Label = Shorten(button.Label, capabilities.MaxButtonLabelLength) };
}
