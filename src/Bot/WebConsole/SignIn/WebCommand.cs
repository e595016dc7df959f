using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Notifications;

namespace ResidentBot.Bot.WebConsole.SignIn;

/// <summary>
/// /web on any channel: a bound official gets a one-time link into the web console. The link only opens a confirm
/// page; the session starts when the official presses its button (a link previewer's GET signs nobody in).
/// </summary>
internal sealed partial class WebCommand(ConsoleLinks links, CurrentRouting routing, ILogger<WebCommand> logger) : ICommandHandler
{
    public const string Name = "web";

    public IReadOnlyCollection<string> Commands { get; } = [Name];

    public async Task HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.Official is not { } official)
        {
            turn.Reply(turn.T("Official.OnlyOfficials"));
            return;
        }

        if (links.UrlFor("x") is null)
        {
            LogNoBaseUrl();
            turn.Reply(turn.T("Console.Web.NotSetUp"));
            return;
        }

        var (code, url, expires) = links.Create(official.Id, $"{turn.Message.Channel}:{turn.Message.UserId}", turn.Language);
        var zone = (await routing.GetAsync(cancellationToken)).Calendar.TimeZone;
        // The link is a live credential until used: the outbox forgets it once the channel has it.
        turn.Reply(new OutboundMessage
        {
            Text = turn.T("Console.Web.Link", url, TimeText.Local(expires, zone)),
            Secrets = [code],
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "/web asked but Console:PublicBaseUrl is not set")]
    private partial void LogNoBaseUrl();
}
