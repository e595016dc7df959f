using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.WebConsole.SignIn;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.WebConsole.Cases;

/// <summary><c>GET /console/photos/{id}</c>: a case's stored photo, only to the official accountable for the case (404 to anyone else).</summary>
internal static class CasePhotoEndpoint
{
    public const string Path = "/console/photos/";

    public static void MapCasePhotos(this WebApplication app) =>
        app.MapGet(Path + "{id:long}", (long id, HttpContext http, ResidentBotDbContext db, AttachmentStore store) =>
        {
            var official = ConsoleAuthentication.OfficialId(http.User);
            return ServeAsync(http, store, db.CaseAttachments.Where(a => a.Id == id && db.Cases.Any(c => c.Id == a.CaseId && c.AccountableOfficialId == official)));
        }).RequireAuthorization(policy => policy.AddAuthenticationSchemes(ConsoleAuthentication.Scheme).RequireRole(ConsoleRoles.Official))
        .ExcludeFromDescription();

    /// <summary>The photo of the one attachment <paramref name="allowed"/> yields (the reader's access check is in it), or 404.</summary>
    public static async Task<IResult> ServeAsync(HttpContext http, AttachmentStore store, IQueryable<CaseAttachment> allowed)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(store);
        var fileRef = await allowed.AsNoTracking().Select(a => a.FileRef).FirstOrDefaultAsync(http.RequestAborted);
        if (fileRef is null || await store.OpenAsync(fileRef, http.RequestAborted) is not { } photo)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Stream(photo.Content, photo.ContentType);
    }
}
