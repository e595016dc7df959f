using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Chase.Schedule;

/// <summary>The chase rules over the current directory: category, clock and policy of a case.</summary>
internal sealed class ChaseRules(CurrentRouting routing, IOptions<ChaseOptions> options)
{
    public ChaseOptions Options => options.Value;

    public async Task<ChaseView> GetAsync(CancellationToken cancellationToken) =>
        new(await routing.GetAsync(cancellationToken), options.Value);
}

internal sealed record ChaseView(RoutingEngine Engine, ChaseOptions Options)
{
    public Category Category(Case @case) => Engine.Directory.CategoriesById[@case.CategoryId];

    public ChaseClock Clock(Case @case) => new(Category(@case), Engine.Calendar);

    public ChasePolicy Policy(Case @case) => ChasePolicy.For(Category(@case), Options, Engine.Calendar);

    public DateTimeOffset? Next(Case @case, DateTimeOffset now) =>
        ChaseSchedule.Next(@case, Category(@case), Engine.Calendar, Policy(@case), now);
}
