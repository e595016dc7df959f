using System.ComponentModel.DataAnnotations;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Attachments;

internal sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Folder of the stored photos (relative to the content root, like the database).</summary>
    [Required]
    public string Path { get; set; } = "attachments";

    /// <summary>
    /// Where the photos' bytes go: <c>Folder</c> (files under <see cref="Path"/>) or <c>Database</c> (a table of the
    /// application database, so every host of a deployment serves every photo). Unset: <c>Folder</c> on SQLite,
    /// <c>Database</c> on PostgreSQL (see <see cref="AttachmentStore"/> for why).
    /// </summary>
    [RegularExpression("(?i)^(Folder|Database)$", ErrorMessage = "must be Folder or Database.")]
    public string? Store { get; set; }

    /// <summary>Whether the bytes go into the database on <paramref name="provider"/>, as <see cref="Store"/> says or by default.</summary>
    public bool InDatabase(DatabaseProvider provider) =>
        Store is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim().Equals("Database", StringComparison.OrdinalIgnoreCase)
            : provider == DatabaseProvider.PostgreSql;

    /// <summary>Longest a channel may take to hand over one photo before the person is told to send it again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a stored photo that no case refers to is kept (a report being written refers to it from its draft;
    /// one that was abandoned leaves it unattached). Photos of cases are never removed.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan UnattachedLifetime { get; set; } = TimeSpan.FromDays(7);
}
