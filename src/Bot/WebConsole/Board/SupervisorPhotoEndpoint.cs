using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.WebConsole.Cases;
using ResidentBot.Bot.WebConsole.SignIn;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.WebConsole.Board;

/// <summary>
/// <c>GET /console/board/photos/{id}</c>: a case's stored photo for the supervisor's case page, with the page's own
/// access check (the case is in an area under the supervisor, <see cref="BoardData.AreasAsync"/>); another district's
/// photo answers 404 like another district's case.
/// </summary>
internal static class SupervisorPhotoEndpoint
{
    public const string Path = "/console/board/photos/";

    public static void MapSupervisorPhotos(this WebApplication app) =>
        app.MapGet(Path + "{id:long}", async (long id, HttpContext http, ResidentBotDbContext db, BoardData data, AttachmentStore store) =>
        {
            var areas = (await data.AreasAsync(ConsoleAuthentication.OfficialId(http.User)!.Value, http.RequestAborted)).ToList();
            return await CasePhotoEndpoint.ServeAsync(http, store,
                db.CaseAttachments.Where(a => a.Id == id && db.Cases.Any(c => c.Id == a.CaseId && areas.Contains(c.AreaId))));
        }).RequireAuthorization(policy => policy.AddAuthenticationSchemes(ConsoleAuthentication.Scheme).RequireRole(ConsoleRoles.Supervisor))
        .ExcludeFromDescription();
}
