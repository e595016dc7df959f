using System.Globalization;
using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Tests.Fakes;

/// <summary>
/// Telegram lets a bot write to a user only after the user opened it (pressed Start) and while they have not blocked
/// it; a first message otherwise is refused with 403 "Forbidden: bot can't initiate conversation with a user".
/// </summary>
public sealed partial class FakeBotApi
{
    public static readonly FakeFailure CannotInitiate = new(403, "Forbidden: bot can't initiate conversation with a user");

    private readonly HashSet<string> _notStarted = [];

    /// <summary>
    /// <paramref name="userId"/> has never opened the bot: sends to their chat are refused with Telegram's 403 until an
    /// update from them is queued (<see cref="EnqueueUpdate"/>) or <see cref="Started"/> is called.
    /// </summary>
    public void NeverStarted(long userId)
    {
        lock (_gate)
        {
            _notStarted.Add(userId.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The user opened the bot.</summary>
    public void Started(long userId)
    {
        lock (_gate)
        {
            _notStarted.Remove(userId.ToString(CultureInfo.InvariantCulture));
        }
    }

    private FakeFailure? RefuseNotStarted(string method, JsonObject parameters)
    {
        if (!method.StartsWith("send", StringComparison.OrdinalIgnoreCase) || parameters["chat_id"]?.ToString() is not { } chat)
        {
            return null;
        }

        lock (_gate)
        {
            return _notStarted.Contains(chat) ? CannotInitiate : null;
        }
    }

    // Called under _gate when an update is queued: a user who writes to the bot has opened it.
    private void StartedBy(JsonObject update)
    {
        var from = update["message"]?["from"]?["id"] ?? update["callback_query"]?["from"]?["id"];
        if (from is not null)
        {
            _notStarted.Remove(from.ToString());
        }
    }
}
