using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Persistence.Cases;

/// <summary>Settings of the <c>Cases</c> section.</summary>
public sealed class CaseOptions
{
    public const string Section = "Cases";

    /// <summary>Letters before the year in tracking codes: <c>HD</c> gives <c>HD-2026-000123</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z]{1,10}$")]
    public string TrackingPrefix { get; set; } = "HD";
}
