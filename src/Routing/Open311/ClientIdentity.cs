using System.Globalization;

namespace ResidentBot.Routing.Open311;

/// <summary>
/// Who, of an Open311 client's users, reported a case: one resident per API key and <c>account_id</c>, else per e-mail
/// address, else per <c>device_id</c>, else the client's one anonymous resident. The identity is on the
/// <see cref="Channel"/> "channel", which nothing sends on: such a resident has no chat, so every notice to them is
/// skipped (the client reads the case instead), never queued, retried or counted as a failure.
/// </summary>
public static class ClientIdentity
{
    public const string Channel = "open311";

    /// <summary>Longest <c>account_id</c>, <c>device_id</c> or e-mail address taken: the identity fits its 128-character column.</summary>
    public const int MaxPartLength = 100;

    public static string ExternalId(int keyId, string? accountId, string? email, string? deviceId)
    {
        var key = keyId.ToString(CultureInfo.InvariantCulture);
        return Trimmed(accountId) is { } account ? $"{key}:account:{account}"
            : Trimmed(email) is { } mail ? $"{key}:email:{mail.ToLowerInvariant()}"
            : Trimmed(deviceId) is { } device ? $"{key}:device:{device}"
            : $"{key}:client";
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
