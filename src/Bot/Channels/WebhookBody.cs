namespace ResidentBot.Bot.Channels;

/// <summary>
/// A webhook's body read whole but never more than a cap: anyone who knows a webhook URL can post to it, so the size
/// is checked against the declared length first and against what actually arrives while reading.
/// </summary>
internal static class WebhookBody
{
    /// <summary>What our webhooks accept: a platform's update is a few kilobytes; 1 MB leaves room and stops floods.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>The body as text, or null when it is larger than <paramref name="maxBytes"/> (answer 413).</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
