using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// An OA's page cannot carry a start code: the link opens the OA's chat, and the person sends <c>/start code</c> there.
/// </summary>
internal sealed class ZaloEntry(IOptions<ZaloOptions> options) : IChannelEntry
{
    public string Channel => ChannelNames.Zalo;

    public ChannelEntryPoint? For(string code) =>
        options.Value.OaId is { Length: > 0 } oa ? new ChannelEntryPoint(Channel, $"https://zalo.me/{oa}", CodeInLink: false) : null;
}
