using System.Globalization;

namespace ResidentBot.Bot.Conversations.Choices;

/// <summary>"Xem thêm": the next page of a list longer than the channel's buttons (argument: the page to show).</summary>
internal sealed class ChoicePageButton(ChoiceLists lists) : IButtonHandler
{
    public const string More = "m.more";

    public IReadOnlyCollection<string> Actions { get; } = [More];

    public async Task HandleAsync(Turn turn, string action, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var message = turn.Message;
        if (message.MessageId is not { } shown || !int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            || await lists.SentAsync(turn.Db, message.Channel, message.ChatId, shown, cancellationToken) is not { } list)
        {
            turn.ButtonAnswer = (turn.T("Choice.Gone"), true);
            return;
        }

        ChoiceLists.ShowPage(turn, list, page, shown);
    }
}
