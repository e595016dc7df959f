using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.WebConsole;

/// <summary>The web console for officials, supervisors and administrators (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>
    /// Public base URL of this host (e.g. <c>https://bot.example.vn</c>): sign-in links sent through the bot point
    /// there. Without it <c>/web</c> says the console is not set up.
    /// </summary>
    [RegularExpression(@"^https?://[^\s/]+(:\d+)?(/\S*)?$", ErrorMessage = "Console:PublicBaseUrl must be an absolute http(s) URL such as https://bot.example.vn.")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a sign-in link stays usable; short, since it travels through a chat.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Console:LinkLifetime must be between 1 minute and 1 hour.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a session lasts without use (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Console:SessionLifetime must be between 5 minutes and 7 days.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a session's roles are trusted before the directory is asked again (ended posts end sessions).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Console:RecheckAfter must be between 0 and 10 minutes.")]
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cases per page in the console's tables.</summary>
    [Range(5, 200, ErrorMessage = "Console:PageSize must be between 5 and 200.")]
    public int PageSize { get; set; } = 25;

    public Uri? SignInBase => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.TrimEnd('/') + "/");
}
