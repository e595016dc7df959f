using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Public;

/// <summary>How the page writes its figures, in the reader's language; "–" where there is nothing to judge yet.</summary>
public sealed class PublicFormat(string language, TimeZoneInfo zone)
{
    public const string Nothing = "–";

    public string Language => language;

    public string T(string key) => Texts.Get(language, key);

    public string T(string key, params object?[] args) => Texts.Format(language, key, args);

    public string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Texts.Culture(language)) + " %" : Nothing;

    public string Count(int count) => count.ToString("N0", Texts.Culture(language));

    public string Rating(double? rating) => rating is { } r ? r.ToString("0.0", Texts.Culture(language)) + " / 5" : Nothing;

    public string Duration(TimeSpan? span) => span is { } s ? TimeText.Duration(language, s) : Nothing;

    public string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("dd/MM/yyyy", Texts.Culture(language));

    public string Time(DateTimeOffset at) => TimeText.Local(at, zone);

    public string Month(DateOnly month) => month.ToString(language == Texts.English ? "MMM yyyy" : "MM/yyyy", Texts.Culture(language));

    public string Degrees(double? degrees) => degrees is { } d ? d.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : Nothing;
}
