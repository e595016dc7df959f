using ResidentBot.Routing.Areas;

namespace ResidentBot.Routing.Who;

/// <summary>
/// Nobody holds a valid post in the area or any area above it. The directory import guarantees a root
/// leader, so this is a directory defect to fix, not a case to route.
/// </summary>
public sealed class NoAccountableOfficialException(Area area, string categoryCode, DateTimeOffset instant)
    : InvalidOperationException(
        $"Directory defect: no official is accountable for '{categoryCode}' in area {area.Code} ({area.Name}) " +
        $"or any area above it at {instant:O}; the root area needs a leader post valid at that instant.")
{
    public string AreaCode { get; } = area.Code;

    public string CategoryCode { get; } = categoryCode;

    public DateTimeOffset Instant { get; } = instant;
}
