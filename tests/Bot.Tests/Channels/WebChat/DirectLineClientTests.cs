using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Inbox;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>Microsoft's own Direct Line client (npm botframework-directlinejs 0.15.8, unmodified) against the real host.</summary>
[Collection(RealClients.Name)]
public sealed class DirectLineClientTests
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task Microsofts_directline_client_starts_a_conversation_gets_answers_and_presses_a_button(string mode)
    {
        await NodeTools.EnsureInstalledAsync();
        await using var host = await WebChatTestHost.StartAsync();
        var (conversation, userId, token) = await SeedConversationWithButtonAsync(host);

        var (code, output, error) = await NodeTools.RunAsync("node", ["client.js", host.BaseAddress.ToString().TrimEnd('/'), mode, token], TimeSpan.FromSeconds(90));

        Assert.True(code == 0, $"client failed ({code}): {output}\n{error}");
        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        Assert.Equal(conversation, root.GetProperty("conversationId").GetString());
        Assert.Contains("Xin chào", root.GetProperty("start").GetString(), StringComparison.Ordinal);
        Assert.Contains("/phananh", root.GetProperty("help").GetString(), StringComparison.Ordinal);
        Assert.All(root.GetProperty("ownEchoes").EnumerateArray(), echo => Assert.Equal(userId, echo.GetProperty("from").GetString()));
        var button = root.GetProperty("button");
        Assert.Equal("Thử nút", button.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(button.GetProperty("answer").GetString()));

        await using var db = host.NewDbContext();
        var press = await db.InboxEntries.SingleAsync(e => e.ExternalId == button.GetProperty("pressId").GetString());
        var message = InboxPayload.Read(press);
        Assert.Equal(InboundKind.ButtonPress, message.Kind);
        Assert.StartsWith("demo.try:1:", message.CallbackData, StringComparison.Ordinal);
        Assert.Equal(userId, message.UserId);
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task A_resident_completes_a_report_and_receives_the_officials_reply_through_microsofts_client(string mode)
    {
        await NodeTools.EnsureInstalledAsync();
        await using var host = await WebChatTestHost.StartAsync("Development");
        var leader = await host.TranPhuLeaderIdAsync();

        var (code, output, error) = await NodeTools.RunAsync(
            "node", ["report.js", host.BaseAddress.ToString().TrimEnd('/'), mode, leader.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromSeconds(120));

        Assert.True(code == 0, $"client failed ({code}): {output}\n{error}");
        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        var trackingCode = root.GetProperty("code").GetString()!;
        Assert.Contains(trackingCode, root.GetProperty("card").GetString(), StringComparison.Ordinal);
        Assert.Contains(trackingCode, root.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Contains("thay bóng đèn", root.GetProperty("reply").GetString(), StringComparison.Ordinal);
        await using var check = host.NewDbContext();
        var saved = await check.Cases.Include(c => c.Events).SingleAsync(c => c.TrackingCode == trackingCode);
        Assert.Equal(leader, saved.AccountableOfficialId);
        Assert.Contains(saved.Events, e => e.Kind == ResidentBot.Routing.Cases.CaseEventKind.RepliedToResident);
    }

    /// <summary>
    /// A conversation with one signed button queued through the outbox, as a handler would send it (on this branch no
    /// handler owns the action yet, so the press is answered "not valid"; the lead extends this to a full report).
    /// </summary>
    internal static async Task<(string Conversation, string UserId, string Token)> SeedConversationWithButtonAsync(WebChatTestHost host)
    {
        using var http = host.CreateClient();
        var (conversation, token) = await host.NewTokenAsync(http);
        var userId = host.Services.GetRequiredService<WebChatTokens>().Validate(token)!.UserId;
        await host.Services.GetRequiredService<WebChatLog>().EnsureAsync(conversation, userId, CancellationToken.None);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var codec = scope.ServiceProvider.GetRequiredService<ButtonCodec>();
            scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(ChannelNames.WebChat, conversation, new OutboundMessage
            {
                Text = "Nút thử",
                Buttons = [[codec.Button("Thử nút", "demo.try", "1", userId)]],
            });
            await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().SaveChangesAsync();
        }

        host.Services.GetRequiredService<OutboxSignal>().Notify();
        return (conversation, userId, token);
    }
}
