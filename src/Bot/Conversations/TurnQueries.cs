using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Conversations;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Conversations;

/// <summary>
/// The look-ups every turn makes, compiled once (per model: <see cref="PerModel{TQuery}"/>). Written as LINQ each time, EF re-walked and hashed each expression
/// tree to find its cached plan: a profile of the intake benchmark put that at about half of these queries' cost.
/// The results are tracked: the turn changes them and saves.
/// </summary>
internal static class TurnQueries
{
    public static readonly PerModel<Func<ResidentBotDbContext, string, string, Task<Resident?>>> ResidentWithIdentities = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, string channel, string externalId) => db.Residents
            .Where(r => db.ResidentIdentities.Where(i => i.Channel == channel && i.ExternalId == externalId).Select(i => i.ResidentId).Contains(r.Id))
            .Include(r => r.Identities)
            .FirstOrDefault()));

    public static readonly PerModel<Func<ResidentBotDbContext, string, string, Task<ConversationState?>>> Conversation = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, string channel, string chatId) =>
            db.ConversationStates.FirstOrDefault(c => c.Channel == channel && c.ChatId == chatId)));

    public static readonly PerModel<Func<ResidentBotDbContext, string, string, Task<OfficialIdentity?>>> OfficialIdentity = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, string channel, string externalId) =>
            db.OfficialIdentities.FirstOrDefault(i => i.Channel == channel && i.ExternalId == externalId)));

    public static readonly PerModel<Func<ResidentBotDbContext, int, Task<Official?>>> Official = new(() =>
        EF.CompileAsyncQuery((ResidentBotDbContext db, int id) => db.Officials.FirstOrDefault(o => o.Id == id)));
}
