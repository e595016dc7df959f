using System.Globalization;

namespace ResidentBot.Bot.Conversations.Choices;

/// <summary>"Xem thêm": another page of a list longer than the channel's buttons (argument: the page to show).</summary>
internal sealed class ChoicePageButton(ChoiceLists lists) : IButtonHandler
{
    public const string More = "m.more";

    public IReadOnlyCollection<string> Actions { get; } = [More];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = turn.Message;
        if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            turn.ButtonAnswer = (turn.T("Choice.Gone"), true);
            return;
        }

        // A channel whose taps do not say which message was tapped (Zalo's come back as text) pages the chat's newest list.
        var list = message.MessageId is { } shown
            ? await lists.SentAsync(turn.Db, message.Channel, message.ChatId, shown, cancellationToken)
            : await lists.LatestAsync(turn.Db, message.Channel, message.ChatId, cancellationToken);
        if (list is null)
        {
            turn.ButtonAnswer = (turn.T("Choice.Gone"), true);
            return;
        }

        ChoiceLists.ShowPage(turn, list, page, message.MessageId);
    }
}
