namespace ResidentBot.Bot.Conversations.Report.Duplicates;

/// <summary>Key <c>Cases:OfferDuplicates</c>: whether a report that matches an active case is first offered to follow it.</summary>
internal sealed class DuplicateOptions
{
    public const string Section = "Cases";

    public bool OfferDuplicates { get; set; } = true;
}
