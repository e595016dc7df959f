using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Channels.WebChat;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Persistence.WebChat;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Tests.Attachments;

/// <summary>
/// Photos are stored once and reach the recipient on the recipient's channel: the real Telegram.Bot client against the
/// fake Bot API (getFile, file download, multipart sendPhoto) and the web chat through its real endpoints.
/// </summary>
public sealed class PhotosAcrossChannelsTests
{
    private const long Lan = 5001;

    [Fact]
    public async Task A_photo_sent_on_telegram_reaches_a_web_chat_official_and_the_officials_photo_reaches_the_resident_on_telegram()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        using var http = host.CreateClient();
        var official = await WebOfficialAsync(host, http);
        var lamp = TestImages.Jpeg("đèn đường tắt cả tuần");
        host.Api.AddFile("lamp-large", lamp);
        var lan = new ResidentChat(host, Lan);

        await ReportUpToPhotosAsync(lan);
        await lan.PhotoAsync("lamp");
        await lan.PressAsync("Xong");
        await lan.PressAsync("Gửi");

        await using (var db = host.NewDbContext())
        {
            var attachment = await db.CaseAttachments.SingleAsync();
            Assert.StartsWith("attachment:", attachment.FileRef, StringComparison.Ordinal);
            var stored = await db.StoredAttachments.SingleAsync();
            Assert.Equal((ChannelNames.Telegram, "lamp-large", "image/jpeg"), (stored.SourceChannel, stored.SourceRef, stored.ContentType));
        }

        var url = await PhotoUrlInAsync(host, official.Conversation);
        Assert.StartsWith(WebChatSender.AttachmentUrlPath, url, StringComparison.Ordinal);
        using (var served = await http.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(lamp, await served.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(WebChatSecurityHeaders.PhotoPolicy, served.Headers.GetValues("Content-Security-Policy").Single());
        }

        // The official answers on the web chat with a photo of the repaired lamp.
        var card = await host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Recipient == official.Conversation && m.Tag != null && m.Tag.Contains(":card:")).FirstOrDefaultAsync(ct), m => m is not null);
        var reply = OutboxWriter.Read(card!).Buttons.SelectMany(row => row).Single(b => b.Data.StartsWith("o.rpl:", StringComparison.Ordinal));
        await PostAsync(http, official, new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = official.UserId }, ["value"] = new JsonObject { ["data"] = reply.Data } });
        await host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().CountAsync(m => m.Recipient == official.Conversation && m.Id > card!.Id, ct), n => n > 0);
        var repaired = TestImages.Png("đèn đã sáng");
        using (var upload = await UploadAsync(http, official, repaired, "image/png"))
        {
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        }

        var sent = (await host.Api.WaitForCallsAsync("sendPhoto", 1)).Single(c => c.Long("chat_id") == Lan);
        Assert.Equal(repaired, Assert.Single(sent.Files).Content);
        await using (var db = host.NewDbContext())
        {
            var byOfficial = await db.CaseAttachments.SingleAsync(a => a.AddedBy == ActorKind.Official);
            Assert.Equal(ChannelNames.WebChat, byOfficial.Channel);
            Assert.StartsWith("attachment:", byOfficial.FileRef, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_or_cannot_be_fetched_is_refused_clearly_and_the_report_goes_on()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        host.Api.AddFile("page-large", TestImages.NotAnImage());
        var lan = new ResidentChat(host, Lan);
        await ReportUpToPhotosAsync(lan);

        var notImage = await lan.PhotoAsync("page");
        host.Api.FailNext("getFile", 1, FakeFailure.ServerError());
        var unreachable = await lan.PhotoAsync("lamp");
        var accepted = await lan.PhotoAsync("lamp");
        await lan.PressAsync("Xong");
        await lan.PressAsync("Gửi");

        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Photo.NotAnImage"), ResidentChat.Text(notImage), StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Texts.Vietnamese, "Resident.Photo.Unavailable"), ResidentChat.Text(unreachable), StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Texts.Vietnamese, "Resident.Report.PhotoAdded", 1), ResidentChat.Text(accepted), StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        var @case = await db.Cases.Include(c => c.Attachments).SingleAsync();
        Assert.Equal(ResidentScenarios.Description, @case.Description);
        var stored = await db.StoredAttachments.SingleAsync();
        Assert.Equal("attachment:" + stored.Id, Assert.Single(@case.Attachments).FileRef);
        Assert.Equal("lamp-large", stored.SourceRef);
    }

    [Fact]
    public async Task A_photo_larger_than_the_channel_lets_us_download_is_refused_even_when_the_update_said_it_was_small()
    {
        var settings = ResidentChat.FastOutbox();
        settings["Telegram:MaxPhotoBytes"] = "100000";
        await using var host = await BotTestHost.StartAsync(settings);
        host.Api.AddFile("big-large", [.. TestImages.Jpeg("big"), .. new byte[150_000]]); // the update says 98,000 bytes
        var lan = new ResidentChat(host, Lan);
        await ReportUpToPhotosAsync(lan);

        var refused = await lan.PhotoAsync("big");

        Assert.Contains("quá lớn", ResidentChat.Text(refused), StringComparison.Ordinal);
        await using var db = host.NewDbContext();
        Assert.False(await db.StoredAttachments.AnyAsync());
        Assert.DoesNotContain("attachment:", await db.ConversationStates.Select(c => c.Data).SingleAsync(), StringComparison.Ordinal);
    }

    private static async Task ReportUpToPhotosAsync(ResidentChat chat)
    {
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(ResidentChat.TranPhuLat, ResidentChat.TranPhuLon);
        await chat.TextAsync(ResidentScenarios.Description);
    }

    private sealed record WebOfficial(string Conversation, string Token, string UserId);

    /// <summary>A web conversation opened through the page's endpoints, bound to the ward leader of Trần Phú.</summary>
    private static async Task<WebOfficial> WebOfficialAsync(BotTestHost host, HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/webchat/token", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var conversation = body.RootElement.GetProperty("conversationId").GetString()!;
        var token = body.RootElement.GetProperty("token").GetString()!;
        await WebChatTokenTests.StartAsync(http, token);
        var userId = host.Services.GetRequiredService<WebChatTokens>().Validate(token)!.UserId;
        await using var db = host.NewDbContext();
        var leader = await db.Officials.SingleAsync(o => o.Code == ResidentChat.TranPhuLeader);
        db.OfficialIdentities.RemoveRange(db.OfficialIdentities.Where(i => i.OfficialId == leader.Id && i.Channel == ChannelNames.Telegram));
        db.OfficialIdentities.Add(new OfficialIdentity { OfficialId = leader.Id, Channel = ChannelNames.WebChat, ExternalId = userId, ChatId = conversation });
        await db.SaveChangesAsync();
        return new WebOfficial(conversation, token, userId);
    }

    private static async Task<string> PhotoUrlInAsync(BotTestHost host, string conversation)
    {
        var sent = await host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Recipient == conversation && m.Status == OutboxStatus.Sent && m.Payload.Contains("attachment:")).FirstOrDefaultAsync(ct), m => m is not null);
        var log = await host.Services.GetRequiredService<WebChatLog>().ReadAsync(conversation, null, CancellationToken.None);
        return log.Activities.OfType<JsonObject>().Where(a => (string?)a["id"] == sent!.ExternalMessageId)
            .Select(a => (string?)a["attachments"]?[0]?["contentUrl"]).Single()!;
    }

    private static async Task PostAsync(HttpClient http, WebOfficial official, JsonObject activity)
    {
        using var response = await http.SendAsync(WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{official.Conversation}/activities", official.Token, activity));
        response.EnsureSuccessStatusCode();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient http, WebOfficial official, byte[] photo, string contentType)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", "ket-qua.png");
        var request = WebChatTestHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{official.Conversation}/upload?userId={official.UserId}", official.Token);
        request.Content = content;
        return http.SendAsync(request);
    }
}
