using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>
/// Microsoft's own Web Chat (npm botframework-webchat 4.18.1, its dist/webchat.js bundle, unmodified) in headless
/// Chromium, embedded in a page of another allowed origin and in a page of the host's own origin, completes a whole
/// report: each message shown once, none marked failed, no console errors, edits replacing the message in place.
/// </summary>
[Collection(RealClients.Name)]
public sealed class MicrosoftWebChatTests
{
    [Theory]
    [InlineData("another allowed origin")]
    [InlineData("the host's own origin")]
    public async Task Microsofts_web_chat_completes_a_report_with_each_message_shown_once_and_none_failed(string embedding)
    {
        await NodeTools.EnsureBrowserAsync();
        var otherPort = embedding == "another allowed origin" ? FreePort() : 0;
        var staticRoot = StaticRootWithEmbeddingPage();
        try
        {
            var settings = new Dictionary<string, string?> { ["WebChat:StaticRoot"] = staticRoot };
            if (otherPort != 0)
            {
                settings["WebChat:AllowedOrigins:0"] = $"http://127.0.0.1:{otherPort}";
            }

            await using var host = await WebChatTestHost.StartAsync("Development", settings);
            var leader = await host.TranPhuLeaderIdAsync();

            var baseUrl = host.BaseAddress.ToString().TrimEnd('/');
            var pageUrl = otherPort != 0 ? $"http://127.0.0.1:{otherPort}/index.html" : $"{baseUrl}/webchat/ms/index.html";
            var (code, output, error) = await NodeTools.RunAsync("node",
                ["mswebchat.js", baseUrl, pageUrl, otherPort.ToString(CultureInfo.InvariantCulture), leader.ToString(CultureInfo.InvariantCulture)],
                TimeSpan.FromSeconds(240));

            Assert.True(code == 0, $"Web Chat run failed ({code}): {output}\n{error}");
            using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var root = result.RootElement;
            Assert.Empty(root.GetProperty("consoleErrors").EnumerateArray());
            var sends = root.GetProperty("sends");
            Assert.Empty(sends.GetProperty("failed").EnumerateArray());
            Assert.Equal(sends.GetProperty("pending").GetInt32(), sends.GetProperty("fulfilled").GetInt32());

            // Each message once, the button presses shown as the resident's choice.
            var userBubbles = root.GetProperty("userBubbles").EnumerateArray().Select(b => b.GetString()!).Where(b => b.Length > 0).ToList();
            Assert.Equal(userBubbles.Distinct().Count(), userBubbles.Count);
            Assert.Contains("/phananh", userBubbles);
            Assert.Contains(userBubbles, b => b.Contains("Chiếu sáng công cộng", StringComparison.Ordinal));
            Assert.Contains(userBubbles, b => b.Contains("Đã khắc phục", StringComparison.Ordinal));
            Assert.Contains(userBubbles, b => b.Contains("5 ⭐", StringComparison.Ordinal));
            var botTexts = root.GetProperty("botTexts").EnumerateArray().Select(b => b.GetString()!).ToList();
            Assert.Single(botTexts, t => t.Contains("mấy sao", StringComparison.Ordinal) || t.Contains("5/5", StringComparison.Ordinal));
            Assert.DoesNotContain(botTexts, t => t.Contains('\\', StringComparison.Ordinal));

            // The photo's echo has an absolute URL on the bot's host; text renders as lines, not padded blank paragraphs.
            Assert.StartsWith(baseUrl + "/webchat/files/", root.GetProperty("photoSrc").GetString(), StringComparison.Ordinal);
            Assert.True(root.GetProperty("summaryLines").GetInt32() > 0);
            Assert.Equal(0, root.GetProperty("emptyParagraphs").GetInt32());

            // Edits replaced the bot's message that carried the buttons: no live buttons are left behind.
            Assert.True(root.GetProperty("officialCardRefreshedInPlace").GetBoolean());
            Assert.Equal(0, root.GetProperty("confirmButtonsAfterEdit").GetInt32());
            Assert.Equal(0, root.GetProperty("starButtonsAfterEdit").GetInt32());

            await using var check = host.NewDbContext();
            var trackingCode = root.GetProperty("code").GetString()!;
            var saved = await check.Cases.Include(c => c.Attachments).SingleAsync(c => c.TrackingCode == trackingCode);
            Assert.Equal((CaseStatus.Closed, 5), (saved.Status, saved.Rating!.Value));
            var photo = Assert.Single(saved.Attachments).FileRef;
            var stored = (await check.StoredAttachments.ToListAsync()).Single(a => "attachment:" + a.Id.ToString(CultureInfo.InvariantCulture) == photo);
            Assert.Equal("webchat", stored.SourceChannel);

            // The audit keeps the case's photo however long the cleanups wait; the loose transcript and upload go.
            var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(400));
            await WebChatStorageTests.RunCleanupAsync(host, later);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await ActivatorUtilities.CreateInstance<UnattachedPhotoCleanup>(scope.ServiceProvider, later).RunAsync(CancellationToken.None);
            }

            Assert.True(File.Exists(Path.Combine(host.Folder, "attachments", stored.Name)));
            Assert.True(await check.StoredAttachments.AnyAsync(a => a.Id == stored.Id));
        }
        finally
        {
            Directory.Delete(staticRoot, recursive: true);
        }
    }

    /// <summary>The host's page files with the embedding page beside them, served by the host under /webchat/ms/.</summary>
    private static string StaticRootWithEmbeddingPage()
    {
        var root = Directory.CreateTempSubdirectory("residentbot-wwwroot-").FullName;
        var source = Path.Combine(RepositoryPaths.Root, "src", "Bot", "wwwroot");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var embed = Path.Combine(root, "webchat", "ms");
        Directory.CreateDirectory(embed);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(NodeTools.ClientFolder, "mswebchat")))
        {
            File.Copy(file, Path.Combine(embed, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(NodeTools.ClientFolder, "node_modules", "botframework-webchat", "dist", "webchat.js"), Path.Combine(embed, "webchat.js"));
        return root;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
