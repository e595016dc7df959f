using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>Invite links for officials (section <c>Invites</c>).</summary>
public sealed class InviteOptions
{
    public const string Section = "Invites";

    /// <summary>How long an invite link stays usable; long enough to reach someone over a weekend.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan ExpiresAfter { get; set; } = TimeSpan.FromHours(72);
}
