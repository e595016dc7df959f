using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Retention;

/// <summary>
/// How long the inbox, the outbox and the web console's sign-in tables keep what they are done with. Cases, their
/// events and attachments are the audit and are never pruned; these tables only carry updates, messages and sign-ins
/// on their way.
/// </summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days a handled inbox entry is kept (failed ones are kept for inspection). At least 2: Telegram redelivers an
    /// update for up to 24 hours, and the entry is what recognises the redelivery.
    /// </summary>
    [Range(2, 36_500)]
    public int InboxDays { get; set; } = 30;

    /// <summary>
    /// Days a sent outbox message is kept (failed ones are kept: they are the record of a person no channel reached).
    /// A sent message is what an official's Telegram reply to a case card is traced back through, so keep it as long
    /// as cases stay open.
    /// </summary>
    [Range(1, 36_500)]
    public int OutboxDays { get; set; } = 180;

    /// <summary>
    /// Days a web console session is kept after it ended (signed out, revoked, or idle past Console:SessionLifetime):
    /// the record of who was signed in, when and in which browser. Live sessions are never removed.
    /// </summary>
    [Range(1, 36_500)]
    public int ConsoleSessionDays { get; set; } = 90;

    /// <summary>When the cleanup runs (cron, in Chase:TimeZone).</summary>
    [Required]
    public string CleanupCron { get; set; } = "40 3 * * *";
}
