using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Attachments;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Results;

namespace ResidentBot.Bot.Public;

/// <summary>
/// The one place that decides what of a case is public: resolved, and its resident agreed in the report's summary. Only
/// the description, the official's result note, the category, the ward, the accountable title, the dates, the point
/// rounded by <see cref="PlaceRounding"/> and the officials' result photos; never the resident, their chat or their photos.
/// </summary>
internal static class PublishedCases
{
    public static async Task<IReadOnlyList<PublishedCase>> LatestAsync(ResidentBotDbContext db, DirectorySnapshot directory, int count,
        CancellationToken cancellationToken)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.PublicationConsent && c.ResolvedAt != null)
            .OrderByDescending(c => c.ResolvedAt)
            .Take(count)
            .Select(c => new
            {
                c.Id, c.TrackingCode, c.CategoryId, c.AreaId, c.Latitude, c.Longitude, c.Description, c.ResolutionNote, c.AccountableOfficialId,
                c.CreatedAt, c.ResolvedAt,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var photos = (await db.CaseAttachments.AsNoTracking().Where(a => ids.Contains(a.CaseId) && a.AddedBy == ActorKind.Official)
                .Select(a => new { a.Id, a.CaseId, a.FileRef }).ToListAsync(cancellationToken))
            .Where(a => AttachmentStore.IdOf(a.FileRef) is not null)
            .ToLookup(a => a.CaseId, a => a.Id);
        return [.. rows.Select(r => new PublishedCase(
            r.TrackingCode,
            directory.CategoriesById.TryGetValue(r.CategoryId, out var category) ? category.NameVi : string.Empty,
            category?.NameEn ?? string.Empty,
            directory.AreasById.TryGetValue(r.AreaId, out var area) ? area.Name : string.Empty,
            r.Latitude is { } lat ? PlaceRounding.Round(lat) : null,
            r.Longitude is { } lon ? PlaceRounding.Round(lon) : null,
            r.Description,
            r.ResolutionNote ?? string.Empty,
            r.AccountableOfficialId is { } o && directory.OfficialsById.TryGetValue(o, out var official) ? official.Title : string.Empty,
            r.CreatedAt,
            r.ResolvedAt!.Value,
            [.. photos[r.Id].Order()]))];
    }

    /// <summary>The stored photo behind a public photo id: an official's photo on a published resolved case, else null.</summary>
    public static async Task<string?> PhotoRefAsync(ResidentBotDbContext db, long attachmentId, CancellationToken cancellationToken)
    {
        var photo = await db.CaseAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.AddedBy == ActorKind.Official)
            .Join(db.Cases.Where(c => c.PublicationConsent && c.ResolvedAt != null), a => a.CaseId, c => c.Id, (a, _) => a.FileRef)
            .FirstOrDefaultAsync(cancellationToken);
        return photo is not null && AttachmentStore.IdOf(photo) is not null ? photo : null;
    }
}
