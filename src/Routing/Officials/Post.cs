using ResidentBot.Routing.Areas;

namespace ResidentBot.Routing.Officials;

/// <summary>
/// An official's post in an area for a window of time. Leave, acting deputies and hand-overs are
/// expressed as posts with validity windows, not as code.
/// </summary>
public sealed class Post
{
    public int Id { get; set; }

    public int OfficialId { get; set; }

    public Official? Official { get; set; }

    public int AreaId { get; set; }

    public Area? Area { get; set; }

    public PostKind Kind { get; set; }

    /// <summary>For <see cref="PostKind.Specialist"/>: the category code the post owns.</summary>
    public string? CategoryCode { get; set; }

    /// <summary>Order among posts of the same kind in the same area (deputies, supervisors); lower first.</summary>
    public int Rank { get; set; }

    /// <summary>Inclusive start; null means since always.</summary>
    public DateTimeOffset? ValidFrom { get; set; }

    /// <summary>Exclusive end; null means until further notice.</summary>
    public DateTimeOffset? ValidTo { get; set; }

    public bool IsValidAt(DateTimeOffset instant) =>
        (ValidFrom is null || ValidFrom <= instant) && (ValidTo is null || instant < ValidTo);
}
