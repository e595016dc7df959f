namespace ResidentBot.Bot.Channels;

public static class ChannelNames
{
    public const string Telegram = "telegram";
    public const string WebChat = "webchat";
    public const string Zalo = "zalo";
    public const string ZaloBot = "zalobot";
}
