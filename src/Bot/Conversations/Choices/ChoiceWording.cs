using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Conversations.Choices;

/// <summary>
/// Picks the variant of a text that says how to act on this channel, so no text talks about a button or a reply the
/// person cannot see: <c>key</c> for pressing a button, <c>key.Typed</c> for typing its number, and for "how to
/// answer", <c>key.Telegram</c> where a message can be answered directly (Telegram's reply).
/// </summary>
internal static class ChoiceWording
{
    public static string Choose(this ChannelCapabilities capabilities, string key)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.HasButtons ? key : key + ".Typed";
    }

    /// <summary><c>key</c> where the channel shows the main-menu keyboard, <c>key.Typed</c> (naming the command) where not.</summary>
    public static string ChooseFromMenu(this ChannelCapabilities capabilities, string key)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.HasMenuKeyboard ? key : key + ".Typed";
    }

    public static string HowToAnswer(this ChannelCapabilities capabilities, string key)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return capabilities.CanReplyToMessage ? key + ".Telegram" : capabilities.Choose(key);
    }
}
