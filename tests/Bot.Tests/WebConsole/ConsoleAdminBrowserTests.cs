using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Channels.WebChat;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Cases;
using SkiaSharp;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserTests;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>
/// The administrator's and supervisor's pages in headless Chromium (tests/WebChat.Client/console.js), on the real host
/// with the fake Telegram Bot API: delivery retries, invite links, sessions on two browsers, the supervisor's case photo,
/// and the board's screenshot for the README (docs/console-board.png).
/// </summary>
[Collection(RealClients.Name)]
public sealed class ConsoleAdminBrowserTests
{
    private const string NguyenTraiLeader = "HD.TPHD.NGUYENTRAI.CT";
    private const long NewOfficial = 7100;
    private const string FailingChat = "5009";

    private static Dictionary<string, string?> AdminSettings => new() { ["Admin:Identities:0"] = $"telegram:{OfficialsHarness.CitySupervisor}" };

    [Fact]
    public async Task An_administrator_retries_a_failed_message_in_the_browser_it_is_sent_once_and_the_stale_form_is_refused()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await ConsoleBrowserHost.StartAsync(AdminSettings);
        await host.BindTelegramAsync(OfficialsHarness.CitySupervisorCode, OfficialsHarness.CitySupervisor);
        host.Api.FailNextTo(FailingChat, 1, FakeFailure.ChatNotFound());
        long id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var row = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(ChannelNames.Telegram, FailingChat, new OutboundMessage { Text = "Lịch tiếp công dân tháng 12" });
            await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().SaveChangesAsync();
            id = row.Id;
        }

        host.Services.GetRequiredService<OutboxSignal>().Notify();
        await OfficialsHarness.WaitUntilAsync(async () => (await RowAsync(host, id)).Status == OutboxStatus.Failed);
        var link = await host.AskLinkAsync(OfficialsHarness.CitySupervisor);

        var run = await RunAsync("deliveries", host, link, Id(id));

        Assert.Equal(200, run.GetProperty("retryStatus").GetInt32());
        Assert.Equal(409, run.GetProperty("staleStatus").GetInt32());
        await host.Api.WaitUntilAsync(calls => Delivered(calls) == 1);
        await OfficialsHarness.WaitUntilAsync(async () => (await RowAsync(host, id)).Status == OutboxStatus.Sent);
        var sent = await RowAsync(host, id);
        Assert.Equal(2, sent.Attempts); // the refused try and the retried one: the stale press moved nothing
        Assert.Equal(1, Delivered(host.Api.Calls));
    }

    [Fact]
    public async Task An_administrator_creates_an_invite_in_the_browser_sees_it_once_and_a_revoked_invite_no_longer_binds()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await ConsoleBrowserHost.StartAsync(AdminSettings);
        await host.BindTelegramAsync(OfficialsHarness.CitySupervisorCode, OfficialsHarness.CitySupervisor);
        var link = await host.AskLinkAsync(OfficialsHarness.CitySupervisor);

        var run = await RunAsync("invites", host, link, NguyenTraiLeader);

        var code = run.GetProperty("code").GetString()!;
        Assert.StartsWith(ResidentBot.Bot.Officials.Onboarding.OfficialInvites.Prefix, code, StringComparison.Ordinal);
        await using (var db = host.NewDbContext())
        {
            var invite = await db.OfficialInvites.AsNoTracking().SingleAsync();
            Assert.Equal(ResidentBot.Bot.Officials.Onboarding.OfficialInvites.Hash(code), invite.CodeHash);
            Assert.True(invite.ExpiresAt <= DateTimeOffset.UtcNow, "the revoked invite still expires later");
        }

        host.Api.EnqueueUpdate(FakeUpdates.Command(NewOfficial, $"/start {code}"));
        await host.MessageToAsync(NewOfficial, "đã hết hạn");
        await using var check = host.NewDbContext();
        Assert.Null(await check.TelegramUserIdOfAsync(NguyenTraiLeader));
    }

    [Fact]
    public async Task An_official_on_two_browsers_revokes_the_other_session_which_lands_on_sign_in_while_this_one_keeps_working()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await ConsoleBrowserHost.StartAsync();
        await host.BindTelegramAsync(OfficialsHarness.TranPhuLeaderCode, OfficialsHarness.TranPhuLeader);
        var first = await host.AskLinkAsync(OfficialsHarness.TranPhuLeader);
        var second = await NextLinkAsync(host, OfficialsHarness.TranPhuLeader, first);

        await RunAsync("sessions", host, first, second);

        await using var db = host.NewDbContext();
        var sessions = await db.ConsoleSessions.AsNoTracking().ToListAsync();
        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, s => s.RevokedAt is not null);
    }

    [Fact]
    public async Task A_supervisor_sees_the_photo_of_a_case_in_their_district_and_another_districts_case_and_photo_are_not_found()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await ConsoleBrowserHost.StartAsync();
        await host.BindTelegramAsync(OfficialsHarness.CitySupervisorCode, OfficialsHarness.CitySupervisor);
        var store = host.Services.GetRequiredService<AttachmentStore>();
        var own = await OfficialsHarness.CreateCaseOnAsync(host.Services,
            photos: [await store.StoreAsync("telegram", "tg-city", Jpeg(new SKColor(0x2A, 0x6F, 0x97)), "jpg", "image/jpeg", CancellationToken.None)]);
        var foreign = await OfficialsHarness.CreateCaseOnAsync(host.Services, areaCode: "HD.NS.NAMHONG", address: "Xã Nam Hồng",
            photos: [await store.StoreAsync("telegram", "tg-namsach", Jpeg(new SKColor(0x97, 0x4B, 0x2A)), "jpg", "image/jpeg", CancellationToken.None)]);
        long foreignPhoto;
        await using (var db = host.NewDbContext())
        {
            foreignPhoto = await db.CaseAttachments.Where(a => a.CaseId == foreign).Select(a => a.Id).SingleAsync();
        }

        var link = await host.AskLinkAsync(OfficialsHarness.CitySupervisor);

        var run = await RunAsync("photo", host, link, Id(own), Id(foreign), Id(foreignPhoto));

        Assert.Equal(64, run.GetProperty("photo").GetProperty("w").GetInt32());
        Assert.Equal(404, run.GetProperty("foreignPage").GetInt32());
        Assert.Equal(404, run.GetProperty("foreignPhoto").GetInt32());
    }

    [Fact]
    public async Task The_supervisors_board_with_overdue_cases_at_three_levels_is_photographed_for_the_readme()
    {
        await NodeTools.EnsureBrowserAsync();
        // No chase server: its sweep would escalate the old cases itself while they are seeded and shown.
        await using var host = await ConsoleBrowserHost.StartAsync(new Dictionary<string, string?> { ["Chase:RunServer"] = "false" });
        await host.BindTelegramAsync(OfficialsHarness.CitySupervisorCode, OfficialsHarness.CitySupervisor);
        var now = DateTimeOffset.UtcNow;
        (string Area, string Category, double DaysAgo, int Level)[] seeds =
        [
            ("HD.TPHD.TRANPHU", "lighting", 12, 2),
            ("HD.TPHD.TRANPHU", "waste", 6, 1),
            ("HD.TPHD.QUANGTRUNG", "drainage", 4, 1),
            ("HD.TPHD.NGUYENTRAI", "roads", 10, 0),
            ("HD.TPHD.QUANGTRUNG", "noise", 1.5, 0),
            ("HD.TPHD.NGOCCHAU", "lighting", 0.8, 0),
        ];
        var codes = new List<string>();
        foreach (var (area, category, daysAgo, level) in seeds)
        {
            var id = await OfficialsHarness.CreateCaseOnAsync(host.Services, areaCode: area, category: category, at: now.AddDays(-daysAgo));
            await using var db = host.NewDbContext();
            var @case = await db.Cases.SingleAsync(c => c.Id == id);
            for (var step = 1; step <= level; step++)
            {
                var supervisor = await db.Officials.SingleAsync(o => o.Code == (step == 1 ? OfficialsHarness.CitySupervisorCode : "HD.TPHD.PCT"));
                @case.Escalate(step, supervisor.Id, $"Escalated to level {step}", now.AddDays(-daysAgo / (step + 1)));
            }

            await db.SaveChangesAsync();
            // Deadlines count working hours: a recent unescalated case may not be late yet (at night, over a weekend);
            // it is there for the period's scorecard, and only the cases surely on the board are checked.
            if (level > 0 || daysAgo >= 9)
            {
                codes.Add($"{@case.TrackingCode}={level}");
            }
        }

        // Cases of the period resolved in time, so the scorecard's chart has bars beside the late ones.
        foreach (var (area, category, daysAgo) in new[] { ("HD.TPHD.TRANPHU", "lighting", 5.0), ("HD.TPHD.QUANGTRUNG", "waste", 3.0), ("HD.TPHD.QUANGTRUNG", "lighting", 2.0), ("HD.TPHD.NGOCCHAU", "roads", 4.0), ("HD.TPHD.TRANPHU", "noise", 1.0) })
        {
            var id = await OfficialsHarness.CreateCaseOnAsync(host.Services, areaCode: area, category: category, at: now.AddDays(-daysAgo));
            await using var db = host.NewDbContext();
            var @case = await db.Cases.SingleAsync(c => c.Id == id);
            var official = Actor.Official(@case.AccountableOfficialId!.Value);
            @case.Acknowledge(official, now.AddDays(-daysAgo).AddHours(1));
            @case.Resolve(official, "Đã xử lý xong", now.AddDays(-daysAgo).AddHours(20));
            await db.SaveChangesAsync();
        }

        var screenshot = Path.Combine(RepositoryPaths.Root, "docs", "console-board.png");
        var link = await host.AskLinkAsync(OfficialsHarness.CitySupervisor);

        await RunAsync("board", host, link, [screenshot, .. codes]);

        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    /// <summary>Sends /web again and returns the new link (the host's helper returns the first one it finds).</summary>
    internal static async Task<string> NextLinkAsync(ConsoleBrowserHost host, long userId, string previous)
    {
        host.Api.EnqueueUpdate(FakeUpdates.Command(userId, "/web"));
        string? found = null;
        await OfficialsHarness.WaitUntilAsync(() =>
        {
            found = host.Api.CallsTo("sendMessage").Where(c => c.Long("chat_id") == userId)
                .SelectMany(c => (c.String("text") ?? string.Empty).Split('\n').Select(l => l.Trim()))
                .FirstOrDefault(l => l.Contains("/console/signin?code=", StringComparison.Ordinal) && l != previous);
            return Task.FromResult(found is not null);
        }, seconds: 30);
        return found!;
    }

    /// <summary>A real, decodable 64×48 JPEG (the browser must draw it), made with the SkiaSharp the charts already use.</summary>
    private static byte[] Jpeg(SKColor color)
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<OutboxMessage> RowAsync(ConsoleBrowserHost host, long id)
    {
        await using var db = host.NewDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static int Delivered(IReadOnlyList<FakeBotApiCall> calls) =>
        calls.Count(c => c.Method == "sendMessage" && c.StatusCode == 200 && c.String("chat_id") == FailingChat
                         && (c.String("text") ?? string.Empty).Contains("Lịch tiếp công dân", StringComparison.Ordinal));
}
