using System.ComponentModel.DataAnnotations;
using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// One channel's sending limits (<c>Outbox:Channels:&lt;channel&gt;:…</c>). A value left out takes the channel's
/// built-in default (<see cref="Defaults"/>); 0 means no limit.
/// </summary>
internal sealed class ChannelPacing
{
    /// <summary>Messages per second across all of the channel's chats; 0 = no limit.</summary>
    [Range(0, 10_000)]
    public int? MessagesPerSecond { get; set; }

    /// <summary>Minimum gap between two messages to the same chat; 0 = none.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan? PerChatInterval { get; set; }

    /// <summary>
    /// What each channel allows when nothing is configured. Telegram: about 30 messages a second overall and one a
    /// second per chat. The web chat is ours (its log takes what we append). Zalo OA: about 4,000 requests a minute per
    /// app, so 60 a second keeps a margin. The Zalo Bot Platform publishes no limits: Telegram's, which it copies elsewhere.
    /// A channel not listed gets the most careful of these.
    /// </summary>
    public static (int MessagesPerSecond, TimeSpan PerChatInterval) Defaults(string channel) => channel switch
    {
        ChannelNames.Telegram => (30, TimeSpan.FromSeconds(1)),
        ChannelNames.WebChat => (0, TimeSpan.Zero),
        ChannelNames.Zalo => (60, TimeSpan.Zero),
        ChannelNames.ZaloBot => (10, TimeSpan.FromSeconds(1)),
        _ => (10, TimeSpan.FromSeconds(1)),
    };

    /// <summary>The configured values over the channel's defaults.</summary>
    public static (int MessagesPerSecond, TimeSpan PerChatInterval) For(string channel, ChannelPacing? configured)
    {
        var (perSecond, perChat) = Defaults(channel);
        return (configured?.MessagesPerSecond ?? perSecond, configured?.PerChatInterval ?? perChat);
    }
}
