using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Conversations.Start;

/// <summary>The help a person gets: residents' commands, or officials' with how to answer on the channel they use.</summary>
internal static class HelpText
{
    public static string For(Turn turn) => turn.Official is null
        ? turn.T("Common.Help")
        : turn.T("Common.HelpOfficial", turn.T(turn.Message.Channel == ChannelNames.Telegram ? "Common.HelpOfficial.Reply.Telegram" : "Common.HelpOfficial.Reply"));
}
