namespace ResidentBot.Routing.Categories;

/// <summary>What an official must show to resolve a case of a category (<c>resolveEvidence</c> in the directory).</summary>
public enum ResolveEvidence
{
    /// <summary>A short result note, as for every case.</summary>
    None = 0,

    /// <summary>A result note that says what was done: at least <see cref="ResolveProof.MinimumNoteLength"/> characters.</summary>
    Note = 1,

    /// <summary>A result note and at least one photo of the result.</summary>
    Photo = 2,
}

/// <summary>What is missing from an official's proof of the fix.</summary>
public enum EvidenceGap
{
    None,
    Note,
    DetailedNote,
    Photo,
}

/// <summary>The rule for what a resolve must carry, checked by the case and explained by the bot.</summary>
public static class ResolveProof
{
    /// <summary>"Xong" or "Đã xử lý" says nothing; a note category wants a sentence about what was done.</summary>
    public const int MinimumNoteLength = 20;

    public static EvidenceGap Missing(ResolveEvidence required, string? note, int photoCount)
    {
        var text = note?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return EvidenceGap.Note;
        }

        return required switch
        {
            ResolveEvidence.Note when text.Length < MinimumNoteLength => EvidenceGap.DetailedNote,
            ResolveEvidence.Photo when photoCount == 0 => EvidenceGap.Photo,
            _ => EvidenceGap.None,
        };
    }
}
