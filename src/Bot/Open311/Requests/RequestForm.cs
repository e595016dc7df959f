using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using ResidentBot.Bot.Conversations.Report;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence.Open311;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Open311;

namespace ResidentBot.Bot.Open311.Requests;

/// <summary>
/// The fields of <c>POST requests</c>, read and checked before anything is stored: <c>service_code</c>, a place
/// (<c>lat</c>+<c>long</c>, or <c>address_string</c>), a description the bot's own report would take, an http(s)
/// <c>media_url</c>, and the reporter's optional details within their columns. <c>attribute[…]</c> and
/// <c>address_id</c> are accepted and ignored: no service defines attributes.
/// </summary>
internal sealed record RequestForm(
    string? ApiKey,
    string? JurisdictionId,
    string ServiceCode,
    double? Latitude,
    double? Longitude,
    string? Address,
    string Description,
    string? MediaUrl,
    string? Email,
    string? Phone,
    string? FirstName,
    string? LastName,
    string? DeviceId,
    string? AccountId)
{
    public const int MaxAddressLength = 200;
    public const int MaxNameLength = 64;
    public const int MaxPhoneLength = 32;
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// Small forms only: a report is a few kilobytes; anything much larger is refused while it is read (the body is
    /// buffered up to <see cref="MaxBodyBytes"/>, which bounds it whatever the server's own limit).
    /// </summary>
    public static FormOptions Limits { get; } = new()
    {
        BufferBody = true,
        ValueLengthLimit = 64 * 1024, ValueCountLimit = 200, KeyLengthLimit = 200, MultipartBodyLengthLimit = MaxBodyBytes,
        BufferBodyLengthLimit = MaxBodyBytes, MultipartHeadersLengthLimit = 16 * 1024,
    };

    public string? ReporterName => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;

    /// <summary>The form's api_key and jurisdiction_id, read before the rest so the gate can answer 403 first.</summary>
    public static (string? ApiKey, string? JurisdictionId) Credentials(IFormCollection form) => (Value(form, "api_key"), Value(form, "jurisdiction_id"));

    /// <summary>The checked form, or the problem in the caller's language (a 400, except an unknown service: 404, decided by the caller).</summary>
    public static RequestForm? Read(IFormCollection form, string language, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(form);
        (var read, problem) = Parse(form, language);
        return read;
    }

    private static (RequestForm? Form, string? Problem) Parse(IFormCollection form, string language)
    {
        (RequestForm?, string?) Fail(string key, params object?[] args) => (null, Texts.Format(language, key, args));

        var code = Value(form, "service_code");
        if (code is null)
        {
            return Fail("Open311.Error.NoServiceCode");
        }

        var (lat, lng) = (Value(form, "lat"), Value(form, "long"));
        double? latitude = null, longitude = null;
        if (lat is not null || lng is not null)
        {
            if (!TryCoordinate(lat, 90, out var y) || !TryCoordinate(lng, 180, out var x))
            {
                return Fail("Open311.Error.BadPoint");
            }

            (latitude, longitude) = (y, x);
        }

        var address = Value(form, "address_string");
        if (latitude is null && address is null)
        {
            return Fail("Open311.Error.NoLocation");
        }

        var description = Value(form, "description") ?? string.Empty;
        if (description.Length < ReportFlow.MinDescriptionLength || description.Length > Case.MaxDescriptionLength)
        {
            return Fail("Open311.Error.DescriptionLength", ReportFlow.MinDescriptionLength, Case.MaxDescriptionLength);
        }

        var media = Value(form, "media_url");
        if (media is not null && (media.Length > Open311Request.MaxMediaUrlLength
            || !Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return Fail("Open311.Error.BadMediaUrl");
        }

        foreach (var (field, max) in new[]
        {
            ("address_string", MaxAddressLength), ("email", ClientIdentity.MaxPartLength), ("phone", MaxPhoneLength), ("first_name", MaxNameLength),
            ("last_name", MaxNameLength), ("device_id", ClientIdentity.MaxPartLength), ("account_id", ClientIdentity.MaxPartLength),
        })
        {
            if (Value(form, field) is { } text && text.Length > max)
            {
                return Fail("Open311.Error.FieldTooLong", field, max);
            }
        }

        return (new RequestForm(Value(form, "api_key"), Value(form, "jurisdiction_id"), code, latitude, longitude, address, description, media,
            Value(form, "email"), Value(form, "phone"), Value(form, "first_name"), Value(form, "last_name"), Value(form, "device_id"), Value(form, "account_id")), null);
    }

    private static string? Value(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 && values[0] is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static bool TryCoordinate(string? text, double bound, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value) && Math.Abs(value) <= bound;
}
