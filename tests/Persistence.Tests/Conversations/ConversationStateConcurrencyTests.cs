using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.Conversations;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Persistence.Tests.Conversations;

public abstract class ConversationStateConcurrencyTests(string provider)
{
    [SkippableFact]
    public async Task Of_two_edits_of_one_conversation_from_the_same_state_the_second_to_save_is_refused_and_the_first_stays()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        await using (var setup = database.Scope())
        {
            var db = setup.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
            db.ConversationStates.Add(new ConversationState { Channel = "telegram", ChatId = "42", Flow = "report", Step = "place", UpdatedAt = CaseFactory.Now });
            await db.SaveChangesAsync();
        }

        await using var firstScope = database.Scope();
        await using var secondScope = database.Scope();
        var first = firstScope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var mine = await first.ConversationStates.SingleAsync();
        var theirs = await second.ConversationStates.SingleAsync();

        mine.Step = "description";
        await first.SaveChangesAsync();
        theirs.Flow = null;
        theirs.Step = null;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.Scope();
        var stored = await check.ServiceProvider.GetRequiredService<ResidentBotDbContext>().ConversationStates.AsNoTracking().SingleAsync();
        Assert.Equal(("report", "description", 1), (stored.Flow, stored.Step, stored.Version));
    }
}

public sealed class ConversationStateConcurrencyTestsOnSqlite() : ConversationStateConcurrencyTests(Providers.Sqlite);

public sealed class ConversationStateConcurrencyTestsOnPostgreSql() : ConversationStateConcurrencyTests(Providers.PostgreSql);
