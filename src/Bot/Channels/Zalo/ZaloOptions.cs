using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// Settings of the Zalo Official Account channel (section <c>Zalo</c>); without <see cref="AppId"/> the channel is off.
/// The secrets (<see cref="AppSecret"/>, <see cref="OaSecretKey"/>, <see cref="RefreshToken"/>) come from the environment
/// (<c>Zalo__AppSecret</c> …) or user-secrets, never from appsettings.json.
/// </summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    /// <summary>The id of the app at developers.zalo.me that the OA is linked to.</summary>
    [RegularExpression(@"^\d{1,30}$", ErrorMessage = "Zalo:AppId is the app's numeric id from developers.zalo.me (digits only).")]
    public string? AppId { get; set; }

    /// <summary>The Official Account's id (its page is https://zalo.me/{OaId}).</summary>
    [RegularExpression(@"^\d{1,30}$", ErrorMessage = "Zalo:OaId is the Official Account's numeric id (digits only), shown in the OA's admin page.")]
    public string? OaId { get; set; }

    /// <summary>The app's secret key: sent as <c>secret_key</c> when refreshing tokens.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The OA secret key of the app's webhook settings: signs every webhook call.</summary>
    public string? OaSecretKey { get; set; }

    /// <summary>The first refresh token (from the OA authorization); the database's pair wins once there is one.</summary>
    public string? RefreshToken { get; set; }

    [Required(ErrorMessage = "Zalo:ApiBaseUrl must be set (default https://openapi.zalo.me).")]
    [RegularExpression(@"^https?://\S+$", ErrorMessage = "Zalo:ApiBaseUrl must be an absolute http(s) URL such as https://openapi.zalo.me.")]
    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    [Required(ErrorMessage = "Zalo:OAuthBaseUrl must be set (default https://oauth.zaloapp.com).")]
    [RegularExpression(@"^https?://\S+$", ErrorMessage = "Zalo:OAuthBaseUrl must be an absolute http(s) URL such as https://oauth.zaloapp.com.")]
    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Where pre-approved template messages are sent (Zalo's notification service).</summary>
    [Required(ErrorMessage = "Zalo:TemplateApiBaseUrl must be set (default https://business.openapi.zalo.me).")]
    [RegularExpression(@"^https?://\S+$", ErrorMessage = "Zalo:TemplateApiBaseUrl must be an absolute http(s) URL such as https://business.openapi.zalo.me.")]
    public string TemplateApiBaseUrl { get; set; } = "https://business.openapi.zalo.me";

    /// <summary>
    /// Pre-approved template id per notice kind (<c>case-update</c>, <c>please-confirm</c>): sent instead of the message
    /// when the person is outside the interaction window.
    /// </summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Largest photo a person may send us that we download (Zalo's own limit for uploads is 1 MB).</summary>
    [Range(1, 50 * 1024 * 1024, ErrorMessage = "Zalo:MaxDownloadBytes must be between 1 byte and 50 MB.")]
    public int MaxDownloadBytes { get; set; } = 10 * 1024 * 1024;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AppId);
}
