using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Inbox;
using ResidentBot.Bot.Tests.Infrastructure;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

public sealed class WebChatPageTests
{
    [Fact]
    public async Task In_Development_the_host_serves_the_resident_page_and_the_demo_with_the_officials()
    {
        await using var host = await WebChatTestHost.StartAsync("Development");
        using var http = host.CreateClient();

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var demo = await http.GetStringAsync(new Uri("/demo", UriKind.Relative));
        var script = await http.GetAsync(new Uri("/webchat/app.js", UriKind.Relative));
        using var officials = JsonDocument.Parse(await http.GetStringAsync(new Uri("/webchat/demo/officials", UriKind.Relative)));

        Assert.Contains("/webchat/directline.js", page, StringComparison.Ordinal);
        Assert.Contains("/hangfire", demo, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True(officials.RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public async Task In_Production_without_the_flag_the_demo_is_404_but_the_resident_page_is_served()
    {
        await using var host = await WebChatTestHost.StartAsync("Production");
        using var http = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/demo", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri("/webchat/demo/officials/1/token", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_demo_flag_in_Production_refuses_to_start_unless_allowed_on_purpose()
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var host = await WebChatTestHost.StartAsync("Production", new Dictionary<string, string?> { ["WebChat:Demo"] = "true" });
        });

        Assert.NotNull(error);
        Assert.Contains("AllowDemoOutsideDevelopment", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Staging_the_demo_flag_alone_refuses_to_start_and_with_the_explicit_allowance_the_demo_is_served()
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var refused = await WebChatTestHost.StartAsync("Staging", new Dictionary<string, string?> { ["WebChat:Demo"] = "true" });
        });
        await using var host = await WebChatTestHost.StartAsync("Staging", new Dictionary<string, string?>
        {
            ["WebChat:Demo"] = "true",
            ["WebChat:AllowDemoOutsideDevelopment"] = "true",
        });
        using var http = host.CreateClient();

        Assert.Contains("AllowDemoOutsideDevelopment", error?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/demo", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Pages_have_a_restrictive_content_security_policy_and_pages_assets_and_photos_say_nosniff()
    {
        await using var host = await WebChatTestHost.StartAsync(settings: new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = "https://city.example.vn" });
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        Assert.Equal(HttpStatusCode.OK, await UploadAsync(http, conversation, token, png, "image/png"));
        await using var db = host.NewDbContext();
        var name = (await db.WebChatUploads.SingleAsync()).Name;

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        using var script = await http.GetAsync(new Uri("/webchat/app.js", UriKind.Relative));
        using var photo = await http.GetAsync(new Uri("/webchat/files/" + name, UriKind.Relative));

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' https://city.example.vn", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.All(new[] { page, script, photo }, r => Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single()));
        Assert.Contains("sandbox", photo.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_official_is_recognised_as_that_official_by_the_dispatcher()
    {
        await using var host = await WebChatTestHost.StartAsync("Development");
        using var http = host.CreateClient();
        int officialId;
        await using (var db = host.NewDbContext())
        {
            officialId = await db.Officials.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        }

        using var signIn = await http.PostAsync(new Uri($"/webchat/demo/officials/{officialId}/token", UriKind.Relative), null);
        using var body = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        var conversation = body.RootElement.GetProperty("conversationId").GetString()!;
        using var start = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, "/v3/directline/conversations", token));
        using var sent = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token,
            new { type = "message", text = "/help" }));

        var reply = await WaitForBotTextAsync(http, conversation, token);
        Assert.Contains("/queue", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_upload_is_stored_served_and_handed_to_the_inbox_but_other_files_are_refused()
    {
        await using var host = await WebChatTestHost.StartAsync();
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        await WebChatTokenTests.StartAsync(http, token);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        var photo = await UploadAsync(http, conversation, token, png, "image/png");
        var text = await UploadAsync(http, conversation, token, "hello"u8.ToArray(), "image/png");

        Assert.Equal(HttpStatusCode.OK, photo);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text);
        await using var db = host.NewDbContext();
        var entry = await db.InboxEntries.SingleAsync();
        var message = InboxPayload.Read(entry);
        Assert.Equal(InboundKind.Photo, message.Kind);
        Assert.Equal("ảnh", message.Text);
        var activity = await db.WebChatActivities.OrderBy(a => a.Seq).FirstAsync();
        var url = JsonDocument.Parse(activity.Json).RootElement.GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!;
        Assert.Equal(png, await http.GetByteArrayAsync(new Uri(url, UriKind.Relative)));
    }

    private static async Task<HttpStatusCode> UploadAsync(HttpClient http, string conversation, string token, byte[] bytes, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var activity = new StringContent("""{"type":"message","text":"ảnh"}""");
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", "photo.png");
        using var request = WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload?userId=x", token);
        request.Content = form;
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    internal static async Task<string> WaitForBotTextAsync(HttpClient http, string conversation, string token)
    {
        string? text = null;
        try
        {
            // Looks again after each commit of a test host (the reply is one), every 100 ms at least, for 10 s.
            await Pulse.UntilAnyAsync(
                async () =>
                {
                    using var response = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", token));
                    using var set = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    text = set.RootElement.GetProperty("activities").EnumerateArray()
                        .Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot").Select(a => a.GetProperty("text").GetString()).FirstOrDefault();
                    return text is not null;
                },
                TimeSpan.FromSeconds(10));
            return text!;
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException("The bot did not answer.");
    }
}
