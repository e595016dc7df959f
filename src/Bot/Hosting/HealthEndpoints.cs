using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.Hosting;

internal static class HealthEndpoints
{
    /// <summary>
    /// GET /healthz: 200 when the database answers and the directory is loaded, 503 otherwise. A part that fails while
    /// the rest works (a channel whose tokens were refused) makes the status "degraded" and is named under
    /// <c>problems</c>, still with 200: taking the whole host out of a load balancer would stop the channels that work.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (ResidentBotDbContext db, IEnumerable<IHealthReport> reports, CancellationToken ct) =>
        {
            var areas = await db.Areas.CountAsync(ct);
            var officials = await db.Officials.CountAsync(ct);
            var problems = reports.Where(r => r.Problem is not null).ToDictionary(r => r.Name, r => r.Problem);
            if (areas == 0)
            {
                return Results.Json(new { status = "no directory loaded", areas, officials }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return problems.Count == 0 ? Results.Ok(new { status = "ok", areas, officials }) : Results.Ok(new { status = "degraded", areas, officials, problems });
        });
        return endpoints;
    }
}
