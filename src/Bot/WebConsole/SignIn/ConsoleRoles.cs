using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Persistence;
using ResidentBot.Routing.Escalation;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.WebConsole.SignIn;

/// <summary>
/// What an official may do in the console now: roles come from the directory (a valid post in an area: official; a
/// valid supervisor post: supervisor) and from configuration (an account listed in <c>Admin:Identities</c>:
/// administrator). No role at all ends the session.
/// </summary>
internal sealed class ConsoleRoles(ResidentBotDbContext db, CurrentRouting routing, IOptionsMonitor<AdminOptions> admins, TimeProvider time)
{
    public const string Official = "official";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    public async Task<IReadOnlyList<string>> OfAsync(int officialId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var directory = (await routing.GetAsync(cancellationToken)).Directory;
        var posts = directory.Posts.Where(p => p.OfficialId == officialId && p.IsValidAt(now)).ToList();
        List<string> roles = [];
        if (posts.Any(p => p.Kind != PostKind.Supervisor))
        {
            roles.Add(Official);
        }

        if (SupervisorScope.Of(directory, officialId, now).Count > 0)
        {
            roles.Add(Supervisor);
        }

        var identities = await db.OfficialIdentities.AsNoTracking().Where(i => i.OfficialId == officialId)
            .Select(i => new { i.Channel, i.ExternalId }).ToListAsync(cancellationToken);
        if (identities.Any(i => admins.CurrentValue.IsAdmin(i.Channel, i.ExternalId)))
        {
            roles.Add(Administrator);
        }

        return roles;
    }
}
