using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ResidentBot.Bot.Tests.Channels.WebChat;

namespace ResidentBot.Bot.Tests.Attachments;

/// <summary>A resident's web conversation opened through the page's endpoints, and photos uploaded to it as the page does.</summary>
internal sealed record WebChatResident(HttpClient Http, string Conversation, string Token)
{
    public static async Task<WebChatResident> OpenAsync(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/webchat/token", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        await WebChatTokenTests.StartAsync(http, token);
        return new WebChatResident(http, body.RootElement.GetProperty("conversationId").GetString()!, token);
    }

    /// <summary>Uploads one file (through <paramref name="via"/>, another host's client, when given) and returns the status.</summary>
    public async Task<HttpStatusCode> UploadAsync(byte[] bytes, string contentType = "image/png", HttpClient? via = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", "anh.png");
        using var request = WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{Conversation}/upload?userId=x", Token);
        request.Content = form;
        using var response = await (via ?? Http).SendAsync(request);
        return response.StatusCode;
    }
}
