using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>The web chat channel (Direct Line 3.0) and its first-run demo.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// The Direct Line secret: a server holding it may mint tokens (<c>POST /v3/directline/tokens/generate</c>).
    /// When empty, one is generated and kept in the database. Set it from the environment (WebChat__Secret).
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Asks for the demo page outside Development. It is served there only when <see cref="AllowDemoOutsideDevelopment"/>
    /// is also set (the host refuses to start otherwise): anyone who opens the demo can act as any official.
    /// </summary>
    public bool Demo { get; set; }

    public bool AllowDemoOutsideDevelopment { get; set; }

    /// <summary>
    /// Origins (<c>https://city.gov.vn</c>) whose pages may call the Direct Line endpoints from a browser (CORS, WebSocket
    /// origin check), get a page token, and frame the page. None by default: the host's own origin only.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Open WebSockets per conversation (tabs of one user); beyond that a new stream is refused with 429.</summary>
    [Range(1, 100)]
    public int MaxSocketsPerConversation { get; set; } = 3;

    /// <summary>Open WebSockets per client address (a ward office behind one NAT counts once).</summary>
    [Range(1, 100_000)]
    public int MaxSocketsPerClient { get; set; } = 100;

    /// <summary>
    /// Photo bytes one conversation may upload in 24 hours (beyond that, 413); files no case kept are removed after
    /// <see cref="UnattachedFileLifetime"/>, so what a client keeps stored without reporting stays about this size.
    /// </summary>
    [Range(1024, 10L * 1024 * 1024 * 1024)]
    public long MaxUploadBytesPerConversationPerDay { get; set; } = 50 * 1024 * 1024;

    /// <summary>How long a stored file that no case (and no report in progress) refers to is kept.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan UnattachedFileLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the activity log (the chat transcript) is kept; cases, their events and photos are not touched.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan ActivityRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Activities one conversation's log keeps at most; the cleanup drops the oldest beyond it.</summary>
    [Range(10, 1_000_000)]
    public int MaxActivitiesPerConversation { get; set; } = 2000;

    /// <summary>When the cleanup runs (Hangfire cron, UTC).</summary>
    [Required]
    public string CleanupCron { get; set; } = "17 * * * *";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    [Range(1, 4096)]
    public int MaxTextLength { get; set; } = 4096;

    [Range(1024, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    [Range(1024, 50 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Messages and uploads a web user may post per minute; beyond that, 429.</summary>
    [Range(1, 10_000)]
    public int PostsPerMinute { get; set; } = 30;

    /// <summary>Reads (polling, reconnects) per minute per user; a polling client makes about 60.</summary>
    [Range(1, 100_000)]
    public int ReadsPerMinute { get; set; } = 300;

    /// <summary>New anonymous conversations per minute per IP address.</summary>
    [Range(1, 10_000)]
    public int TokensPerMinute { get; set; } = 20;

    /// <summary>Where uploaded photos are kept (relative to the content root).</summary>
    [Required]
    public string FilesPath { get; set; } = "webchat-files";

    /// <summary>The folder of the page's static files; found next to the app or in src/Bot/wwwroot when empty.</summary>
    public string? StaticRoot { get; set; }
}
