using ResidentBot.Bot.Conversations.Choices;

namespace ResidentBot.Bot.Conversations.Start;

/// <summary>The help a person gets: residents' commands, or officials' with how to answer on the channel they use.</summary>
internal static class HelpText
{
    public static string For(Turn turn) => turn.Official is null
        ? turn.T("Common.Help")
        : turn.T("Common.HelpOfficial", turn.T(turn.Capabilities.HowToAnswer("Common.HelpOfficial.Reply")));
}
