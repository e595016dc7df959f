using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Inbox;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Outbox;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.Officials;

public sealed class InviteTests
{
    private const long NewOfficial = 7100;
    private const string NguyenTraiLeader = "HD.TPHD.NGUYENTRAI.CT";

    [Fact]
    public async Task An_administrator_gets_a_one_time_link_that_binds_the_official_who_opens_it()
    {
        await using var bed = await StartAsync();

        await bed.SendAsync(FakeUpdates.Command(CitySupervisor, $"/invite {NguyenTraiLeader}"));
        var link = LinkIn((await bed.MessageToAsync(CitySupervisor, "https://t.me/")).String("text")!);
        Assert.StartsWith($"https://t.me/{FakeBotApi.BotUsername}?start=inv_", link, StringComparison.Ordinal);
        var code = link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..];
        Assert.InRange(code.Length, 26, 64);

        await bed.SendAsync(FakeUpdates.Command(NewOfficial, $"/start {code}"));

        await bed.MessageToAsync(NewOfficial, "Chủ tịch UBND phường Nguyễn Trãi");
        await using var db = bed.Host.NewDbContext();
        Assert.Equal(NewOfficial, await db.TelegramUserIdOfAsync(NguyenTraiLeader));
        var invite = await db.OfficialInvites.SingleAsync();
        Assert.Equal(OfficialInvites.Hash(code), invite.CodeHash);
        Assert.DoesNotContain(code, invite.CodeHash, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(72), invite.ExpiresAt - invite.CreatedAt);

        await bed.SendAsync(FakeUpdates.Command(NewOfficial + 1, $"/start {code}"));
        await bed.MessageToAsync(NewOfficial + 1, "đã được sử dụng");
        await using var after = bed.Host.NewDbContext();
        Assert.Equal(NewOfficial, await after.TelegramUserIdOfAsync(NguyenTraiLeader));
    }

    [Fact]
    public async Task An_administrator_named_per_channel_invites_and_the_code_sent_as_text_binds_a_web_chat_account()
    {
        await using var bed = await StartAsync(new Dictionary<string, string?>
        {
            ["Admin:TelegramUserIds:0"] = "1",
            ["Admin:Identities:0"] = $"telegram:{CitySupervisor}",
        });

        await bed.SendAsync(FakeUpdates.Command(CitySupervisor, $"/invite {NguyenTraiLeader}"));
        var text = (await bed.MessageToAsync(CitySupervisor, "https://t.me/")).String("text")!;
        Assert.Contains($"• Telegram: https://t.me/{FakeBotApi.BotUsername}?start=inv_", text, StringComparison.Ordinal);
        var link = LinkIn(text);
        var code = link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..];

        const string web = "dl_new_official";
        await bed.Host.Services.GetRequiredService<WebChatLog>().EnsureAsync(web, web, CancellationToken.None);
        await bed.Host.Services.GetRequiredService<IInboundSink>().AcceptAsync(new InboundMessage
        {
            Channel = ChannelNames.WebChat, UpdateId = "invite-1", ChatId = web, UserId = web, Kind = InboundKind.Text, Text = $"  {code} ",
        }, "{}", CancellationToken.None);

        var bound = await bed.Host.WaitForAsync(
            (db, ct) => db.OfficialIdentities.AsNoTracking().Where(i => i.Channel == ChannelNames.WebChat && i.ExternalId == web)
                .Select(i => db.Officials.Where(o => o.Id == i.OfficialId).Select(o => o.Code).Single()).ToListAsync(ct),
            codes => codes.Count == 1);
        Assert.Equal(NguyenTraiLeader, bound[0]);
        await using var db = bed.Host.NewDbContext();
        Assert.Null(await db.TelegramUserIdOfAsync(NguyenTraiLeader));
        Assert.Equal("webchat:" + web, (await db.OfficialInvites.SingleAsync()).UsedBy);
    }

    [Fact]
    public async Task The_invite_code_is_gone_from_the_database_once_the_administrator_has_it()
    {
        await using var bed = await StartAsync();

        await bed.SendAsync(FakeUpdates.Command(CitySupervisor, $"/invite {NguyenTraiLeader}"));
        var link = LinkIn((await bed.MessageToAsync(CitySupervisor, "https://t.me/")).String("text")!);
        var code = link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..];

        // The delivery mark and the scrubbing are one write, so once the row says Sent the code is gone.
        await WaitUntilAsync(async () =>
        {
            await using var db = bed.Host.NewDbContext();
            return await db.OutboxMessages.AnyAsync(m => m.Recipient == Chat(CitySupervisor) && m.Status == OutboxStatus.Sent && m.Payload.Contains("t.me"));
        });
        await using (var db = bed.Host.NewDbContext())
        {
            Assert.DoesNotContain(await db.OutboxMessages.Select(m => m.Payload).ToListAsync(), p => p.Contains(code, StringComparison.Ordinal));
            var kept = await db.OutboxMessages.SingleAsync(m => m.Recipient == Chat(CitySupervisor) && m.Payload.Contains("t.me"));
            Assert.Contains($"?start={OutboxSecrets.Placeholder}", OutboxWriter.Read(kept).Text, StringComparison.Ordinal);
            Assert.Contains("Nguyễn Trãi", OutboxWriter.Read(kept).Text, StringComparison.Ordinal); // what was issued, for whom, stays
        }

        await bed.SendAsync(FakeUpdates.Command(NewOfficial, $"/start {code}"));
        await bed.MessageToAsync(NewOfficial, "Chủ tịch UBND phường Nguyễn Trãi");
    }

    [Fact]
    public async Task An_invite_code_sent_to_the_bot_is_not_kept_in_the_inbox_even_when_redeeming_it_was_refused()
    {
        await using var bed = await StartAsync();
        var code = await CreateInviteAsync(bed, NguyenTraiLeader);

        // Tran Phu's leader already holds a post: refused, and the code stays valid for whom it was meant.
        await bed.SendAsync(FakeUpdates.Command(TranPhuLeader, $"/start {code}"));
        await bed.MessageToAsync(TranPhuLeader, "đã được liên kết với chức danh khác");

        await using (var db = bed.Host.NewDbContext())
        {
            var entries = await db.InboxEntries.AsNoTracking().ToListAsync();
            Assert.DoesNotContain(entries, e => e.Payload.Contains(code, StringComparison.Ordinal));
            var start = Assert.Single(entries.Select(InboxPayload.Read), m => m.UserId == Chat(TranPhuLeader) && m.Command == "start");
            Assert.Equal($"/start {OutboxSecrets.Placeholder}", start.Text);
        }

        await bed.SendAsync(FakeUpdates.Command(NewOfficial, $"/start {code}"));
        await bed.MessageToAsync(NewOfficial, "Chủ tịch UBND phường Nguyễn Trãi");
    }

    [Fact]
    public async Task Re_inviting_a_bound_official_warns_the_administrator_and_tells_the_account_that_loses_the_post()
    {
        await using var bed = await StartAsync();

        await bed.SendAsync(FakeUpdates.Command(CitySupervisor, $"/invite {TranPhuLeaderCode}"));
        var reply = (await bed.MessageToAsync(CitySupervisor, "https://t.me/")).String("text")!;
        Assert.Contains("đang gắn với một tài khoản", reply, StringComparison.Ordinal);
        var link = LinkIn(reply);
        await bed.SendAsync(FakeUpdates.Command(NewOfficial, $"/start {link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..]}"));

        var told = await bed.MessageToAsync(TranPhuLeader, "không còn gắn với chức danh");
        Assert.Contains("Chủ tịch UBND phường Trần Phú", told.String("text"), StringComparison.Ordinal);
        await using var db = bed.Host.NewDbContext();
        Assert.Equal(NewOfficial, await db.TelegramUserIdOfAsync(TranPhuLeaderCode));
    }

    [Fact]
    public async Task Only_configured_administrators_may_issue_invites()
    {
        await using var bed = await StartAsync();

        await bed.SendAsync(FakeUpdates.Command(TranPhuLeader, $"/invite {NguyenTraiLeader}"));

        await bed.MessageToAsync(TranPhuLeader, "quản trị viên");
        await using var db = bed.Host.NewDbContext();
        Assert.Empty(await db.OfficialInvites.ToListAsync());
    }

    [Fact]
    public async Task Expired_and_unknown_codes_and_an_account_already_bound_are_refused_clearly()
    {
        await using var bed = await StartAsync(new Dictionary<string, string?> { ["Invites:ExpiresAfter"] = "00:05:00" });
        var expired = await CreateInviteAsync(bed, NguyenTraiLeader);
        await using (var db = bed.Host.NewDbContext())
        {
            var row = await db.OfficialInvites.SingleAsync();
            row.ExpiresAt = TimeProvider.System.GetUtcNow().AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var valid = await CreateInviteAsync(bed, NguyenTraiLeader);

        await bed.SendAsync(FakeUpdates.Command(NewOfficial, $"/start {expired}"));
        await bed.MessageToAsync(NewOfficial, "đã hết hạn");
        await bed.SendAsync(FakeUpdates.Command(NewOfficial, "/start inv_nope"));
        await bed.MessageToAsync(NewOfficial, "không hợp lệ");
        await bed.SendAsync(FakeUpdates.Command(TranPhuLeader, $"/start {valid}"));
        await bed.MessageToAsync(TranPhuLeader, "đã được liên kết với chức danh khác");

        await using var after = bed.Host.NewDbContext();
        Assert.Null(await after.TelegramUserIdOfAsync(NguyenTraiLeader));
        Assert.All(await after.OfficialInvites.ToListAsync(), i => Assert.Null(i.UsedAt));
    }

    [Fact]
    public async Task The_command_line_verb_prints_a_link_and_leaves_other_arguments_to_the_host()
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-cli-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:ResidentBot"] = $"Data Source={Path.Combine(folder, "bot.db")}",
                ["Directory:Path"] = RepositoryPaths.SampleDirectory,
                ["Telegram:BotUsername"] = "@HaiDuongBot",
            };
            using var output = new StringWriter();
            using var error = new StringWriter();

            Assert.Null(await CliVerbs.TryRunAsync(["--urls", "http://localhost:5000"], settings, output, error, CancellationToken.None));
            var exit = await CliVerbs.TryRunAsync(["invite", NguyenTraiLeader], settings, output, error, CancellationToken.None);
            var unknown = await CliVerbs.TryRunAsync(["invite", "NO.SUCH"], settings, output, error, CancellationToken.None);

            Assert.Equal(0, exit);
            Assert.StartsWith("https://t.me/HaiDuongBot?start=inv_", output.ToString().Trim(), StringComparison.Ordinal);
            Assert.Equal(1, unknown);
            Assert.Contains("NO.SUCH", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> CreateInviteAsync(OfficialsHarness bed, string officialCode)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(bed.Host.Services);
        var invites = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OfficialInvites>(scope.ServiceProvider);
        return (await invites.CreateAsync(officialCode, CancellationToken.None))!.Code;
    }

    private static string LinkIn(string text) => text[text.IndexOf("https://t.me/", StringComparison.Ordinal)..].Split('\n', ' ')[0];
}
