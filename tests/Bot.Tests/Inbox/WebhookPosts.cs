using System.Text;

namespace ResidentBot.Bot.Tests.Inbox;

/// <summary>Posts a raw update to the Telegram webhook as Telegram does, with or without the secret header.</summary>
internal static class WebhookPosts
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await http.SendAsync(request);
    }
}
