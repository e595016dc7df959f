namespace ResidentBot.Routing.Categories;

/// <summary>A kind of problem residents report, with the deadlines that apply to it.</summary>
public sealed class Category
{
    public int Id { get; set; }

    /// <summary>Stable directory key, e.g. <c>lighting</c>.</summary>
    public required string Code { get; set; }

    public required string NameVi { get; set; }

    public required string NameEn { get; set; }

    /// <summary>Time allowed to acknowledge a case, in working time unless <see cref="RoundTheClock"/>.</summary>
    public TimeSpan AcknowledgeWithin { get; set; }

    /// <summary>Time allowed to resolve a case, counted from its creation.</summary>
    public TimeSpan ResolveWithin { get; set; }

    /// <summary>Urgent categories run 24/7: office hours and holidays do not pause their deadlines.</summary>
    public bool RoundTheClock { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Chase override: re-escalate this often while overdue (clock of the category); null = the host default.</summary>
    public TimeSpan? EscalateEvery { get; set; }

    /// <summary>Chase override: ask an overdue case's official for progress this often (elapsed time); null = default.</summary>
    public TimeSpan? ProgressEvery { get; set; }

    /// <summary>Chase override: close a resolved case the resident did not answer after this long; null = default.</summary>
    public TimeSpan? AutoCloseAfter { get; set; }

    /// <summary>What proof of the fix a resolve needs (a photo, a detailed note); none beyond the usual note by default.</summary>
    public ResolveEvidence ResolveEvidence { get; set; }
}
