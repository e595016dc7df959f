using System.Globalization;
using System.Text.Json;

namespace ResidentBot.Persistence.DirectoryImport;

internal sealed partial class DirectoryValidator
{
    private const string TelegramChannel = "telegram";

    /// <summary>The channels an official's account may be named on.</summary>
    private static readonly string[] IdentityChannels = [TelegramChannel, "zalo", "zalobot", "webchat"];

    /// <summary>
    /// An official's accounts: <c>identities</c> per channel, and the older <c>telegramUserId</c> (the same as
    /// <c>identities.telegram</c>; both may be given when they agree). One account belongs to one official.
    /// </summary>
    private Dictionary<string, string> ValidateIdentities(OfficialNode node, string at, string? official, Dictionary<(string, string), string> accounts)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.TelegramUserId is { } telegram)
        {
            if (telegram <= 0)
            {
                Error(at + ".telegramUserId", $"{telegram} is not a positive id");
            }
            else
            {
                Claim(result, TelegramChannel, telegram.ToString(CultureInfo.InvariantCulture), at + ".telegramUserId", official, accounts);
            }
        }

        foreach (var (name, value) in node.Identities ?? [])
        {
            var path = $"{at}.identities.{name}";
            var channel = name.Trim().ToLowerInvariant();
            if (!IdentityChannels.Contains(channel))
            {
                Error(path, $"unknown channel '{name}' (one of {string.Join(", ", IdentityChannels)})");
                continue;
            }

            if (Account(value, channel, path) is not { } id)
            {
                continue;
            }

            if (result.TryGetValue(channel, out var already))
            {
                if (already != id)
                {
                    Error(path, $"'{id}' differs from telegramUserId {already}; give the account once");
                }

                continue;
            }

            Claim(result, channel, id, path, official, accounts);
        }

        return result;
    }

    private string? Account(JsonElement value, string channel, string path)
    {
        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()?.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrEmpty(id) || id.Length > 128)
        {
            Error(path, "must be the channel's user id, as text or a number (at most 128 characters)");
            return null;
        }

        if (channel == TelegramChannel && !(long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0))
        {
            Error(path, $"'{id}' is not a positive Telegram user id");
            return null;
        }

        return id;
    }

    private void Claim(Dictionary<string, string> result, string channel, string id, string path, string? official, Dictionary<(string, string), string> accounts)
    {
        if (accounts.TryGetValue((channel, id), out var holder))
        {
            Error(path, $"{channel} account {id} is already official {holder}'s; one account belongs to one official");
            return;
        }

        accounts[(channel, id)] = official ?? path;
        result[channel] = id;
    }
}
