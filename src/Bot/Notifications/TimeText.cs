using System.Globalization;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Notifications;

/// <summary>
/// How every message writes an instant and a duration: one wall-clock format in the directory's time zone, and
/// durations in their two largest meaningful units ("12 phút", "2 giờ 5 phút", "3 ngày 4 giờ").
/// </summary>
internal static class TimeText
{
    public const string Format = "HH:mm dd/MM/yyyy";

    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(Format, CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } at ? Local(at, zone) : "—";

    /// <summary>A duration as a format argument: it reads in the language of the culture the message is formatted with.</summary>
    public static IFormattable Span(TimeSpan span) => new SpanText(span);

    /// <summary>Whole minutes at least (a span under a minute reads "1 phút"); zero parts are left out.</summary>
    public static string Duration(string language, TimeSpan span)
    {
        var minutes = Math.Max(1, (long)Math.Abs(span.TotalMinutes));
        var (days, hours, rest) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
        IEnumerable<(long Count, string Unit)> parts = days > 0 ? [(days, "Day"), (hours, "Hour")]
            : hours > 0 ? [(hours, "Hour"), (rest, "Minute")]
            : [(rest, "Minute")];
        return string.Join(" ", parts.Where(p => p.Count > 0)
            .Select(p => Texts.Format(language, $"Time.{p.Unit}.{(p.Count == 1 ? "One" : "Other")}", p.Count)));
    }

    private sealed record SpanText(TimeSpan Value) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            Duration(formatProvider is CultureInfo { TwoLetterISOLanguageName: Texts.English } ? Texts.English : Texts.Vietnamese, Value);

        public override string ToString() => Duration(Texts.Vietnamese, Value);
    }
}
