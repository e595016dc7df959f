using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// sendPhoto takes a public URL, not bytes, so a photo we hold is handed to Zalo as a link to this host that nobody can
/// guess or forge and that stops working after <see cref="ZaloBotOptions.PhotoLinkLifetime"/>: the token is the photo's
/// source and expiry sealed with ASP.NET Core Data Protection (encrypted and authenticated; keys shared by every node
/// through the database). What the link names stays hidden in it.
/// </summary>
internal sealed class ZaloBotPhotoLinks(IDataProtectionProvider protection, IOptions<ZaloBotOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/zalobot/photos/";
    public const string AttachmentSource = "attachment:";
    public const string FileSource = "file:";

    private readonly IDataProtector protector = protection.CreateProtector("ResidentBot.ZaloBot.PhotoLink.v1");

    /// <summary>A link for <paramref name="source"/> (an <c>attachment:</c> ref or <c>file:</c> + full path); null without a public base URL.</summary>
    public Uri? LinkFor(string source, string extension)
    {
        if (options.Value.PhotoBase is not { } publicBase)
        {
            return null;
        }

        var expires = (time.GetUtcNow() + options.Value.PhotoLinkLifetime).ToUnixTimeSeconds();
        var sealedBytes = protector.Protect(Encoding.UTF8.GetBytes($"{expires.ToString(CultureInfo.InvariantCulture)}\n{source}"));
        return new Uri(publicBase, $"{PathPrefix.TrimStart('/')}{Base64Url.EncodeToString(sealedBytes)}.{extension}");
    }

    /// <summary>The source a link's token names; null when the token is forged, damaged or expired.</summary>
    public string? Resolve(string token)
    {
        var dot = token.LastIndexOf('.');
        var sealedText = dot > 0 ? token[..dot] : token;
        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(protector.Unprotect(Base64Url.DecodeFromChars(sealedText)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        var newline = payload.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0
            && long.TryParse(payload.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires
                ? payload[(newline + 1)..]
                : null;
    }
}
