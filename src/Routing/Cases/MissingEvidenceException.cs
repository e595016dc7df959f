using ResidentBot.Routing.Categories;

namespace ResidentBot.Routing.Cases;

/// <summary>Thrown when a resolve lacks the proof its category asks for; nothing has changed.</summary>
public sealed class MissingEvidenceException(string trackingCode, EvidenceGap gap)
    : InvalidOperationException($"Case {trackingCode}: cannot resolve without {gap switch
    {
        EvidenceGap.Photo => "a photo of the result",
        EvidenceGap.DetailedNote => $"a note of at least {ResolveProof.MinimumNoteLength} characters saying what was done",
        _ => "a result note",
    }}.")
{
    public string TrackingCode { get; } = trackingCode;

    public EvidenceGap Gap { get; } = gap;
}
