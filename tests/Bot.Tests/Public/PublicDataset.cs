using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Attachments;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Tests.Public;

/// <summary>
/// A hand-made set of cases in Phường Trần Phú, written through the domain: what the page must show, and what it must
/// never show (the unpublished description, the reporters' names, phones and chat ids, exact coordinates).
/// </summary>
internal static class PublicDataset
{
    public const string PublishedDescription = "Cột đèn số 3 ngõ Hòa Bình tắt từ tuần trước";
    public const string PublishedResult = "Đã thay bóng LED mới và kiểm tra lại đường dây";
    public const string UnpublishedDescription = "Nhà ông Tư số 45 xây lấn sang ngõ, xin giữ kín";
    public const string UnpublishedResult = "Đã lập biên bản yêu cầu tháo dỡ phần lấn chiếm";
    public const string ReporterName = "Trương Thị Kín Đáo";
    public const string ReporterPhone = "0987654321";
    public const string ReporterChatId = "77001234";
    public const double ExactLatitude = 20.956789;
    public const double ExactLongitude = 106.301234;

    /// <summary>Ids of the result photos: the published case's official photo, the unpublished case's, a resident's photo on the published case.</summary>
    public sealed record Photos(long Published, long Unpublished, long Residents);

    /// <summary>
    /// Trần Phú, all reported 20 days before <paramref name="now"/> (acknowledge within 8 h, resolve within 5 days):
    /// published — acknowledged in 1 h, resolved in 2 days, rated 5; unpublished — acknowledged in 10 h (late), resolved
    /// in 7 days (late), rated 3; open — acknowledged in 2 h, resolve deadline passed; fresh — reported an hour ago.
    /// </summary>
    public static async Task<Photos> SeedAsync(IServiceProvider services, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
        var area = await db.Areas.SingleAsync(a => a.Code == "HD.TPHD.TRANPHU");
        var category = await db.Categories.SingleAsync(c => c.Code == "lighting");
        var leader = await db.Officials.SingleAsync(o => o.Code == "HD.TPHD.TRANPHU.CT");
        var resident = new Resident { DisplayName = ReporterName, Phone = ReporterPhone, CreatedAt = now.AddDays(-30) };
        resident.Identities.Add(new ResidentIdentity { Channel = "telegram", ExternalId = ReporterChatId, ChatId = ReporterChatId });
        db.Residents.Add(resident);
        await db.SaveChangesAsync();

        var at = now.AddDays(-20);
        Case New(string code, string text, bool publish, DateTimeOffset created)
        {
            var c = Case.Create(new NewCase(resident.Id, category.Id, area.Id, text, ExactLatitude, ExactLongitude, null, false, publish), code, created);
            c.Assign(new Assignment(leader.Id, "test", created.AddHours(8), created.AddDays(5)), Actor.System, created);
            return c;
        }

        var officialPhoto = await store.StoreAsync("test", "result-1", Png, "png", "image/png", CancellationToken.None);
        var hiddenPhoto = await store.StoreAsync("test", "result-2", Png, "png", "image/png", CancellationToken.None);
        var residentPhoto = await store.StoreAsync("test", "resident-1", Png, "png", "image/png", CancellationToken.None);

        var published = New("HD-2026-900001", PublishedDescription, publish: true, at);
        published.Attach(Photo(residentPhoto, ActorKind.Resident, at));
        published.Acknowledge(Actor.Official(leader.Id), at.AddHours(1));
        published.Resolve(Actor.Official(leader.Id), PublishedResult, at.AddDays(2), resultPhotos: [Photo(officialPhoto, ActorKind.Official, at.AddDays(2))]);
        published.Close(Actor.Resident(resident.Id), at.AddDays(2).AddHours(1));
        published.Rate(Actor.Resident(resident.Id), 5, at.AddDays(2).AddHours(1));

        var unpublished = New("HD-2026-900002", UnpublishedDescription, publish: false, at);
        unpublished.Acknowledge(Actor.Official(leader.Id), at.AddHours(10));
        unpublished.Resolve(Actor.Official(leader.Id), UnpublishedResult, at.AddDays(7), resultPhotos: [Photo(hiddenPhoto, ActorKind.Official, at.AddDays(7))]);
        unpublished.Close(Actor.Resident(resident.Id), at.AddDays(7).AddHours(1));
        unpublished.Rate(Actor.Resident(resident.Id), 3, at.AddDays(7).AddHours(1));

        var open = New("HD-2026-900003", "Đèn ngõ 7 nhấp nháy cả đêm", publish: true, at);
        open.Acknowledge(Actor.Official(leader.Id), at.AddHours(2));

        var fresh = New("HD-2026-900004", "Đèn ngõ 8 không sáng", publish: false, now.AddHours(-1));

        db.Cases.AddRange(published, unpublished, open, fresh);
        await db.SaveChangesAsync();
        var photos = await db.CaseAttachments.AsNoTracking().ToDictionaryAsync(a => a.FileRef, a => a.Id);
        return new Photos(photos[officialPhoto], photos[hiddenPhoto], photos[residentPhoto]);
    }

    private static CaseAttachment Photo(string fileRef, ActorKind by, DateTimeOffset at) =>
        new() { Channel = "test", FileRef = fileRef, ContentType = "image/png", AddedBy = by, AddedAt = at };

    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
