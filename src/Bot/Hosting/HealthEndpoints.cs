using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Hosting;

internal static class HealthEndpoints
{
    /// <summary>GET /healthz: 200 when the database answers and the directory is loaded, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (ResidentBotDbContext db, CancellationToken ct) =>
        {
            var areas = await db.Areas.CountAsync(ct);
            var officials = await db.Officials.CountAsync(ct);
            return areas > 0
                ? Results.Ok(new { status = "ok", areas, officials })
                : Results.Json(new { status = "no directory loaded", areas, officials }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
