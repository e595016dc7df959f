using ResidentBot.Bot.Open311.Wire;
using ResidentBot.Persistence.Open311;

namespace ResidentBot.Bot.Open311;

/// <summary>
/// One admitted Open311 request: the format it asked for, the language of its texts (English when
/// <c>Accept-Language</c> says so, Vietnamese otherwise), the caller's API key if it gave a valid one, and the
/// directory's time zone every date is written in.
/// </summary>
internal sealed record Open311Call(GeoReportFormat Format, string Language, Open311Key? Key, TimeZoneInfo Zone)
{
    /// <summary>Whether the caller's key sent the case (it then sees the case in full).</summary>
    public bool Owns(Open311Request? origin) => Key is not null && origin is not null && origin.KeyId == Key.Id;
}
