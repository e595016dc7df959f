using System.Security.Cryptography;
using System.Text;
using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Conversations.Buttons;

/// <summary>
/// Button data is <c>action:argument:signature</c>. The signature is an HMAC over the action, the argument
/// and the user the button was sent to, so a forwarded, replayed-by-someone-else or edited press fails
/// verification before any handler sees it. Telegram caps callback_data at 64 bytes.
/// </summary>
internal sealed class ButtonCodec(ButtonKey key)
{
    public const int MaxBytes = 64;
    private const int SignatureChars = 12;

    public OutboundButton Button(string label, string action, string argument, string recipientUserId)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        if (action.Contains(':', StringComparison.Ordinal) || argument.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("Button actions and arguments may not contain ':'.", nameof(argument));
        }

        var data = $"{action}:{argument}:{Sign(action, argument, recipientUserId)}";
        return Encoding.UTF8.GetByteCount(data) <= MaxBytes
            ? new OutboundButton(label, data)
            : throw new ArgumentException($"Button data '{data}' is over {MaxBytes} bytes.", nameof(argument));
    }

    /// <summary>Verifies a press; returns false for anything forged, edited, truncated or pressed by someone else.</summary>
    public bool TryDecode(string? data, string presserUserId, out string action, out string argument)
    {
        action = argument = string.Empty;
        if (string.IsNullOrEmpty(data) || Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            return false;
        }

        var parts = data.Split(':');
        if (parts.Length != 3 || parts[0].Length == 0)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts[0], parts[1], presserUserId));
        var given = Encoding.ASCII.GetBytes(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return false;
        }

        (action, argument) = (parts[0], parts[1]);
        return true;
    }

    private string Sign(string action, string argument, string recipientUserId)
    {
        var mac = HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes($"{action}\n{argument}\n{recipientUserId}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..SignatureChars];
    }
}

/// <summary>The secret that signs button data; kept in the database so buttons survive restarts.</summary>
internal sealed record ButtonKey(byte[] Bytes);
