using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>Invite links made in the console by the bot's own implementation: shown once, stored as a hash, redeemed by /start, revocable.</summary>
public sealed partial class ConsoleInvitesTests
{
    private const string Page = "/console/admin/invites";
    private const string NguyenTraiLeader = "HD.TPHD.NGUYENTRAI.CT";
    private const long NewOfficial = 7100;

    [Fact]
    public async Task An_invite_created_in_the_console_is_shown_once_and_binds_the_official_who_opens_it()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }
        using var page = await client.GetAsync(new Uri(Page, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"<option value=\"{NguyenTraiLeader}\">", html, StringComparison.Ordinal);

        using var created = await PostFormAsync(client, Page, html, new Dictionary<string, string> { ["OfficialCode"] = NguyenTraiLeader }, "invite");
        var answer = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore, "The answer holding a live code may be cached");
        var code = TelegramLink().Match(answer).Groups["code"].Value;
        Assert.StartsWith(OfficialInvites.Prefix, code, StringComparison.Ordinal);
        Assert.Contains($"value=\"{code}\"", answer, StringComparison.Ordinal); // the code alone too, for channels whose link cannot carry it
        await using (var db = bed.Host.NewDbContext())
        {
            var invite = await db.OfficialInvites.SingleAsync();
            Assert.Equal(OfficialInvites.Hash(code), invite.CodeHash);
            Assert.Equal(TimeSpan.FromHours(72), invite.ExpiresAt - invite.CreatedAt);
        }

        using var later = await client.GetAsync(new Uri(Page, UriKind.Relative));
        var listed = await later.Content.ReadAsStringAsync();
        Assert.DoesNotContain(code, listed, StringComparison.Ordinal);
        Assert.Contains($"({NguyenTraiLeader})</span>", listed, StringComparison.Ordinal);
        Assert.Contains("Liên kết còn hiệu lực (1)", listed, StringComparison.Ordinal);

        await bed.SendAsync(FakeUpdates.Command(NewOfficial, $"/start {code}"));

        await bed.MessageToAsync(NewOfficial, "Chủ tịch UBND phường Nguyễn Trãi");
        await using (var db = bed.Host.NewDbContext())
        {
            Assert.Equal(NewOfficial, await db.TelegramUserIdOfAsync(NguyenTraiLeader));
        }

        using var after = await client.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Contains("Liên kết còn hiệu lực (0)", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_invite_no_longer_binds_and_revoking_it_again_changes_nothing()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }
        using var page = await client.GetAsync(new Uri(Page, UriKind.Relative));
        using var created = await PostFormAsync(client, Page, await page.Content.ReadAsStringAsync(),
            new Dictionary<string, string> { ["OfficialCode"] = NguyenTraiLeader }, "invite");
        var answer = await created.Content.ReadAsStringAsync();
        var code = TelegramLink().Match(answer).Groups["code"].Value;
        long id;
        await using (var db = bed.Host.NewDbContext())
        {
            id = (await db.OfficialInvites.SingleAsync()).Id;
        }

        using var revoked = await PostFormAsync(client, Page, answer, new Dictionary<string, string> { ["RevokeId"] = $"{id}" }, "revoke");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Đã thu hồi liên kết", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var twice = await PostFormAsync(client, Page, answer, new Dictionary<string, string> { ["RevokeId"] = $"{id}" }, "revoke");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        await bed.SendAsync(FakeUpdates.Command(NewOfficial, $"/start {code}"));
        await bed.MessageToAsync(NewOfficial, "đã hết hạn");
        await using var check = bed.Host.NewDbContext();
        Assert.Null(await check.TelegramUserIdOfAsync(NguyenTraiLeader));
    }

    [Fact]
    public async Task An_unknown_official_gets_a_clear_answer_and_no_invite()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }
        using var page = await client.GetAsync(new Uri(Page, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        using var unknown = await PostFormAsync(client, Page, html, new Dictionary<string, string> { ["OfficialCode"] = "HD.NOBODY" }, "invite");
        using var empty = await PostFormAsync(client, Page, html, new Dictionary<string, string> { ["OfficialCode"] = " " }, "invite");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Không có cán bộ mã \"HD.NOBODY\" trong danh bạ.", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Đề nghị chọn cán bộ cần cấp liên kết.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = bed.Host.NewDbContext();
        Assert.False(await db.OfficialInvites.AnyAsync());
    }

    [Fact]
    public async Task An_official_who_is_not_an_administrator_cannot_create_invites()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader))) { }
        using var queue = await client.GetAsync(new Uri("/console", UriKind.Relative));

        using var page = await client.GetAsync(new Uri(Page, UriKind.Relative));
        using var post = await PostFormAsync(client, Page, await queue.Content.ReadAsStringAsync(),
            new Dictionary<string, string> { ["_handler"] = "invite", ["OfficialCode"] = NguyenTraiLeader });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = bed.Host.NewDbContext();
        Assert.False(await db.OfficialInvites.AnyAsync());
    }

    [GeneratedRegex(@"https://t\.me/ResidentBot\?start=(?<code>inv_[A-Za-z0-9_\-]+)")]
    private static partial Regex TelegramLink();
}
