using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Tests.Fakes;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using static ResidentBot.Bot.Tests.WebConsole.ConsoleBrowserless;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>The supervisor's case page shows the case's photos, served with the page's own check (a case under the supervisor).</summary>
public sealed class SupervisorCasePhotoTests
{
    [Fact]
    public async Task The_supervisors_case_page_shows_the_residents_photo_with_its_alt_text_and_serves_it()
    {
        await using var bed = await StartAsync(Settings());
        var bytes = TestImages.Jpeg("den-duong-tran-phu");
        var photo = await bed.Host.Services.GetRequiredService<AttachmentStore>().StoreAsync("telegram", "tg-photo-1", bytes, "jpg", "image/jpeg", CancellationToken.None);
        var id = await bed.CreateCaseAsync(photos: [photo]);
        var attachment = await AttachmentOfAsync(bed, id);
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }

        using var page = await client.GetAsync(new Uri($"/console/board/cases/{id}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"<img src=\"/console/board/photos/{attachment}\" loading=\"lazy\" alt=\"Ảnh người dân gửi\"", html, StringComparison.Ordinal);

        using var served = await client.GetAsync(new Uri($"/console/board/photos/{attachment}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_photo_of_a_case_in_another_district_is_not_found_for_the_supervisor()
    {
        await using var bed = await StartAsync(Settings());
        var store = bed.Host.Services.GetRequiredService<AttachmentStore>();
        var inCity = await bed.CreateCaseAsync(photos: [await store.StoreAsync("telegram", "tg-city", TestImages.Jpeg("city"), "jpg", "image/jpeg", CancellationToken.None)]);
        var elsewhere = await bed.CreateCaseAsync(areaCode: "HD.NS.NAMHONG", address: "Xã Nam Hồng",
            photos: [await store.StoreAsync("telegram", "tg-namsach", TestImages.Jpeg("nam-sach"), "jpg", "image/jpeg", CancellationToken.None)]);
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, CitySupervisor))) { }

        using var own = await client.GetAsync(new Uri($"/console/board/photos/{await AttachmentOfAsync(bed, inCity)}", UriKind.Relative));
        using var foreign = await client.GetAsync(new Uri($"/console/board/photos/{await AttachmentOfAsync(bed, elsewhere)}", UriKind.Relative));
        using var foreignPage = await client.GetAsync(new Uri($"/console/board/cases/{elsewhere}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignPage.StatusCode);
    }

    [Fact]
    public async Task An_official_without_a_supervisor_post_cannot_fetch_board_photos()
    {
        await using var bed = await StartAsync(Settings());
        var photo = await bed.Host.Services.GetRequiredService<AttachmentStore>().StoreAsync("telegram", "tg-own", TestImages.Jpeg("own"), "jpg", "image/jpeg", CancellationToken.None);
        var id = await bed.CreateCaseAsync(photos: [photo]);
        using var client = Client(bed);
        using (await SignInAsync(client, await AskLinkAsync(bed, TranPhuLeader))) { }

        using var board = await client.GetAsync(new Uri($"/console/board/photos/{await AttachmentOfAsync(bed, id)}", UriKind.Relative));
        using var ownPage = await client.GetAsync(new Uri($"/console/photos/{await AttachmentOfAsync(bed, id)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode); // the accountable official's own endpoint, unchanged
    }

    private static async Task<long> AttachmentOfAsync(Officials.OfficialsHarness bed, long caseId)
    {
        await using var db = bed.Host.NewDbContext();
        return await db.CaseAttachments.Where(a => a.CaseId == caseId).Select(a => a.Id).SingleAsync();
    }
}
