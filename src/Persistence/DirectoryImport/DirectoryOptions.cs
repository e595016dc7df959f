using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Persistence.DirectoryImport;

/// <summary>Settings of the <c>Directory</c> section.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>The directory file; relative paths are resolved against the host's content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "directory/hai-duong.json";

    /// <summary>Import the file at start-up (after migrations). Off, the database keeps what it has.</summary>
    public bool ImportOnStart { get; set; } = true;
}
