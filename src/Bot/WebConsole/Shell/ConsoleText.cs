using System.Security.Claims;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.WebConsole.SignIn;

namespace ResidentBot.Bot.WebConsole.Shell;

/// <summary>
/// The console's words in the reader's language: the switch's cookie, else the language the official uses with the
/// bot (carried in the session), else Vietnamese.
/// </summary>
internal sealed class ConsoleText(IHttpContextAccessor accessor)
{
    public const string Cookie = "ResidentBot.Console.Language";

    public string Language { get; } = Resolve(accessor.HttpContext);

    public string this[string key] => Texts.Get(Language, key);

    public string Format(string key, params object?[] args) => Texts.Format(Language, key, args);

    public string Other => Language == Texts.English ? Texts.Vietnamese : Texts.English;

    /// <summary>A channel's name as residents know it; a channel without words (a retired one still in the outbox) by its id.</summary>
    public string ChannelName(string channel) => channel is Channels.ChannelNames.Telegram or Channels.ChannelNames.WebChat
        or Channels.ChannelNames.Zalo or Channels.ChannelNames.ZaloBot ? this[$"Channel.Name.{channel}"] : channel;

    private static string Resolve(HttpContext? http)
    {
        if (http?.Request.Cookies[Cookie] is { Length: > 0 } chosen)
        {
            return Texts.Normalize(chosen);
        }

        return Texts.Normalize(http?.User.FindFirstValue(ConsoleAuthentication.LanguageClaim) ?? Texts.Vietnamese);
    }
}
