namespace ResidentBot.Bot.Channels;

/// <summary>
/// The one place that says what a channel can carry, by name, from the senders registered at start. A channel that is
/// not enabled (a row queued for it before it was switched off, a name from old data) gets <see cref="Conservative"/>:
/// plain numbered text that any chat shows.
/// </summary>
internal sealed class ChannelCatalog(IEnumerable<IChannelSender> senders)
{
    /// <summary>What every chat can show: short text, no buttons, no edits, no replies, no keyboards, small photos.</summary>
    public static readonly ChannelCapabilities Conservative = new()
    {
        MaxTextLength = 2000,
        MaxButtons = 0,
        MaxButtonLabelLength = 40,
        MaxPhotoBytes = 1024 * 1024,
    };

    private readonly Dictionary<string, ChannelCapabilities> byName =
        senders.GroupBy(s => s.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Capabilities, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Enabled => byName.Keys;

    public ChannelCapabilities For(string channel) => byName.GetValueOrDefault(channel) ?? Conservative;

    /// <summary>
    /// What the sender of this message can do: the channel's capabilities, except where its client says otherwise
    /// (the web chat tells per client whether it can share the device's location): the message wins.
    /// </summary>
    public ChannelCapabilities For(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = For(message.Channel);
        return channel.CanShareLocation == message.CanShareLocation ? channel : channel with { CanShareLocation = message.CanShareLocation };
    }
}
