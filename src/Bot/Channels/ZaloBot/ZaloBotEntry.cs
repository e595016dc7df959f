using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// How a person opens a chat with the bot: the Bot Platform has no deep link that carries a start code, so an invite
/// gives the bot's link from Zalo Bot Creator (<see cref="ZaloBotOptions.ChatLink"/>) and the person sends
/// <c>/start CODE</c> themselves; without that link there is nothing to point to.
/// </summary>
internal sealed class ZaloBotEntry(IOptions<ZaloBotOptions> options) : IChannelEntry
{
    public string Channel => ChannelNames.ZaloBot;

    public ChannelEntryPoint? For(string code) =>
        options.Value.ChatLink is { Length: > 0 } link ? new ChannelEntryPoint(Channel, link, CodeInLink: false) : null;
}
