using System.ComponentModel.DataAnnotations;
using ResidentBot.Routing.Chase;

namespace ResidentBot.Bot.Chase;

/// <summary>
/// Defaults of the chase policy (a category may override escalateEvery, progressEvery and autoCloseAfter in the
/// directory) and the digest schedules.
/// </summary>
internal sealed class ChaseOptions : IValidatableObject
{
    public const string Section = "Chase";

    /// <summary>Remind the accountable official when this share (%) of the time to a deadline has passed.</summary>
    public int[] ReminderPercents { get; set; } = [50, 90];

    /// <summary>Re-escalate while overdue, in the category's clock (whole days are working days for office-time categories).</summary>
    public TimeSpan EscalateEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Ask an overdue case's official for a progress note this often (calendar time).</summary>
    public TimeSpan ProgressEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A resolved case the resident did not confirm or reopen closes by itself after this long.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How much a supervisor's "extend deadline" adds to the resolve deadline, in the category's clock.</summary>
    public TimeSpan ExtendBy { get; set; } = TimeSpan.FromDays(5);

    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Cases chased in one transaction; a group that fails is redone one case per transaction.</summary>
    [Range(1, 1_000)]
    public int CasesPerTransaction { get; set; } = 100;

    /// <summary>Cron of the sweep (UTC; it only reads the due index, so every minute is cheap).</summary>
    [Required]
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>Cron of the daily escalation digest, in <see cref="TimeZone"/>.</summary>
    [Required]
    public string DailyDigestCron { get; set; } = "0 7 * * 1-5";

    /// <summary>Cron of the weekly scorecard, in <see cref="TimeZone"/>.</summary>
    [Required]
    public string WeeklyScorecardCron { get; set; } = "0 8 * * 1";

    [Required]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Send a digest even when there is nothing to report.</summary>
    public bool SendEmptyDigest { get; set; }

    /// <summary>Where scorecard charts are written; relative to the content root.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Run the Hangfire server in this host (tests turn it off and call jobs directly).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Retired with the dashboard's own sign-in; refused at start so a deployment that still sets it learns the new way in.</summary>
    public string? DashboardUser { get; set; }

    /// <summary>Retired with the dashboard's own sign-in; refused at start, like <see cref="DashboardUser"/>.</summary>
    public string? DashboardPassword { get; set; }

    public ChaseSettings ToSettings() => new([.. ReminderPercents], EscalateEvery, ProgressEvery, AutoCloseAfter);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(DashboardUser), DashboardUser), (nameof(DashboardPassword), DashboardPassword) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return new ValidationResult(
                    $"Chase:{name} is no longer used: /hangfire opens to web console administrators (Admin:Identities, signed in with /web or console-link). Remove the setting.",
                    [name]);
            }
        }
    }
}
