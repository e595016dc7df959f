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

    /// <summary>Turns the demo page on outside Development (logged as a warning; refused in Production unless <see cref="AllowDemoInProduction"/>).</summary>
    public bool Demo { get; set; }

    public bool AllowDemoInProduction { get; set; }

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
