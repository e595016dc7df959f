using System.Text.Json;
using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Outbox;

/// <summary>
/// A message can carry a secret for its reader (an invite link): the outbox needs it until the channel has it, and
/// no longer. Once the message is sent or refused for good, its stored copy keeps everything the audit reads (who,
/// when, what it was about, the text around the secret) with the secret itself replaced.
/// </summary>
internal static class OutboxSecrets
{
    public const string Placeholder = "[redacted]";

    /// <summary>The payload without its secrets, or null when it carries none.</summary>
    public static string? Scrub(string payload)
    {
        // Most messages carry no secret: they are not parsed at all.
        if (!payload.Contains("\"secrets\":[\"", StringComparison.Ordinal))
        {
            return null;
        }

        var message = JsonSerializer.Deserialize<OutboundMessage>(payload, OutboxWriter.Json);
        if (message is null || message.Secrets.Count == 0)
        {
            return null;
        }

        var text = message.Secrets.Where(s => s.Length > 0).Aggregate(message.Text, (t, secret) => t.Replace(secret, Placeholder, StringComparison.Ordinal));
        return JsonSerializer.Serialize(message with { Text = text, Secrets = [] }, OutboxWriter.Json);
    }
}
