using System.Net;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Cases;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>The case page acts through the bot's own operations: what the bot refuses, the console refuses in the same words.</summary>
public sealed class ConsoleCaseTests
{
    [Fact]
    public async Task Acknowledging_and_replying_in_the_console_reach_the_resident_on_telegram()
    {
        await using var bed = await StartAsync(Settings());
        var id = await bed.CreateCaseAsync();
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader))) { }
        var path = $"/console/cases/{id}";

        using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Đèn đường hỏng từ 3 ngày nay", html, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Lan", html, StringComparison.Ordinal);
        using var acknowledged = await PostFormAsync(client, path, html, new Dictionary<string, string>(), "acknowledge");
        var afterAck = await acknowledged.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        await bed.MessageToAsync(Resident, "Chủ tịch UBND phường Trần Phú");
        using var replied = await PostFormAsync(client, path, afterAck, new Dictionary<string, string> { ["ReplyText"] = "Sáng mai đội điện lực đến thay bóng." }, "reply");

        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        await bed.MessageToAsync(Resident, "Sáng mai đội điện lực đến thay bóng.");
        var @case = await bed.CaseAsync(id);
        Assert.Equal(CaseStatus.Acknowledged, @case.Status);
        Assert.Contains(@case.Events, e => e.Kind == CaseEventKind.RepliedToResident && e.ActorId == @case.AccountableOfficialId);
    }

    [Fact]
    public async Task Another_wards_case_is_not_found_and_a_form_posted_at_it_changes_nothing()
    {
        await using var bed = await StartAsync(Settings());
        var mine = await bed.CreateCaseAsync();
        var theirs = await bed.CreateCaseAsync(areaCode: "HD.TPHD.QUANGTRUNG", address: "Phố Quang Trung", photos: []);
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader))) { }
        var theirCode = await bed.CodeAsync(theirs);

        using var opened = await client.GetAsync(new Uri($"/console/cases/{theirs}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        var notFound = await opened.Content.ReadAsStringAsync();
        Assert.Contains("không thuộc phạm vi của đồng chí", notFound, StringComparison.Ordinal);
        Assert.DoesNotContain(theirCode, notFound, StringComparison.Ordinal);

        // The acknowledge form of the official's own case, posted at the other ward's case.
        using var own = await client.GetAsync(new Uri($"/console/cases/{mine}", UriKind.Relative));
        using var forged = await PostFormAsync(client, $"/console/cases/{theirs}", await own.Content.ReadAsStringAsync(), new Dictionary<string, string>(), "acknowledge");
        // The page renders no form for a case the reader cannot see, so the post has no handler to reach (400).
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(CaseStatus.Assigned, (await bed.CaseAsync(theirs)).Status);
    }

    [Fact]
    public async Task Acknowledging_in_a_stale_page_after_the_bot_did_gets_the_same_refusal_as_the_bot()
    {
        await using var bed = await StartAsync(Settings());
        var id = await bed.CreateCaseAsync();
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader))) { }
        var path = $"/console/cases/{id}";
        using var stale = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await stale.Content.ReadAsStringAsync();
        var (messageId, card) = await bed.CardAsync(id, TranPhuLeader);
        await bed.PressAsync(TranPhuLeader, Data(card, "o.ack"), messageId);
        var botRefusal = (await bed.PressAsync(TranPhuLeader, Data(card, "o.ack"), messageId)).String("text")!;

        using var again = await PostFormAsync(client, path, html, new Dictionary<string, string>(), "acknowledge");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(botRefusal, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = bed.Host.NewDbContext();
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == id && e.Kind == CaseEventKind.Acknowledged));
    }

    [Fact]
    public async Task Someone_signed_in_without_an_official_post_cannot_open_the_queue()
    {
        await using var bed = await StartAsync(Settings());
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }

        using var queue = await client.GetAsync(new Uri("/console", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
    }
}
