namespace ResidentBot.Bot.Channels;

/// <summary>
/// How a person starts a chat with the bot on one channel carrying a start code (an official's invite, a deep link).
/// One implementation per enabled channel, so invites name every channel the city runs.
/// </summary>
public interface IChannelEntry
{
    string Channel { get; }

    /// <summary>Where to start, or null when the channel cannot say yet (the bot's name is not known).</summary>
    ChannelEntryPoint? For(string code);
}

/// <summary>
/// A link that opens the chat (<see cref="Url"/>), and whether the person must then send <c>/start code</c> themselves
/// because the link cannot carry it (a Zalo OA's page) — <see cref="CodeInLink"/> false.
/// </summary>
public sealed record ChannelEntryPoint(string Channel, string Url, bool CodeInLink);
