using System.Globalization;
using System.Text;
using Telegram.Bot.Types.ReplyMarkups;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>Renders the normalized buttons and keyboards as Telegram reply markup.</summary>
internal static class TelegramMarkup
{
    private const int MaxCallbackDataBytes = 64;
    private const int LabelsPerRow = 2;

    public static InlineKeyboardMarkup? Inline(OutboundMessage message)
    {
        if (message.Buttons.Count == 0)
        {
            return null;
        }

        foreach (var button in message.Buttons.SelectMany(row => row))
        {
            if (Encoding.UTF8.GetByteCount(button.Data) > MaxCallbackDataBytes)
            {
                throw new DeliveryException(DeliveryFailure.Permanent,
                    $"Button '{button.Label}' has callback data over {MaxCallbackDataBytes} bytes; Telegram would refuse it.");
            }
        }

        return new InlineKeyboardMarkup(message.Buttons.Select(row =>
            row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));
    }

    public static ReplyMarkup? Keyboard(OutboundMessage message) => message.Keyboard switch
    {
        KeyboardKind.MainMenu when message.KeyboardLabels.Count > 0 =>
            new ReplyKeyboardMarkup(LabelRows(message.KeyboardLabels)) { ResizeKeyboard = true, IsPersistent = true },
        KeyboardKind.RequestLocation =>
            new ReplyKeyboardMarkup(LocationRows(message)) { ResizeKeyboard = true, OneTimeKeyboard = true },
        KeyboardKind.Remove => new ReplyKeyboardRemove(),
        _ => null,
    };

    private static IEnumerable<IEnumerable<KeyboardButton>> LocationRows(OutboundMessage message)
    {
        var label = message.RequestLocationLabel
            ?? TelegramTexts.Get("LocationButton", CultureInfo.InvariantCulture);
        return LabelRows(message.KeyboardLabels).Prepend([KeyboardButton.WithRequestLocation(label)]);
    }

    private static IEnumerable<IEnumerable<KeyboardButton>> LabelRows(IReadOnlyList<string> labels) =>
        labels.Chunk(LabelsPerRow).Select(row => row.Select(label => new KeyboardButton(label)));
}
