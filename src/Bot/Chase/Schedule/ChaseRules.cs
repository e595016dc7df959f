using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Cases;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Chase;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Chase.Schedule;

/// <summary>The chase rules over the current directory: category, clock and policy of a case.</summary>
internal sealed class ChaseRules(CurrentRouting routing, IOptions<ChaseOptions> options, IOptions<Waiting.WaitingOptions> waiting)
{
    private volatile ChaseView? current;

    public ChaseOptions Options => options.Value;

    /// <summary>One view per directory snapshot, so its per-category policies are built once, not per case.</summary>
    public async Task<ChaseView> GetAsync(CancellationToken cancellationToken)
    {
        var engine = await routing.GetAsync(cancellationToken);
        var view = current;
        if (view is null || !ReferenceEquals(view.Engine, engine))
        {
            current = view = new ChaseView(engine, options.Value, waiting.Value.ToPolicy());
        }

        return view;
    }
}

internal sealed class ChaseView(RoutingEngine engine, ChaseOptions options, WaitingPolicy? waiting = null)
{
    private readonly ConcurrentDictionary<int, CategoryChase> byCategory = new();
    private readonly ChaseSettings defaults = options.ToSettings() with { Waiting = waiting ?? WaitingPolicy.Default };

    public RoutingEngine Engine { get; } = engine;

    public ChaseOptions Options { get; } = options;

    public CategoryChase For(Case @case) => byCategory.GetOrAdd(@case.CategoryId, Build);

    public Category Category(Case @case) => For(@case).Category;

    public ChaseClock Clock(Case @case) => For(@case).Clock;

    public ChasePolicy Policy(Case @case) => For(@case).Policy;

    private CategoryChase Build(int categoryId)
    {
        var category = Engine.Directory.CategoriesById[categoryId];
        return new CategoryChase(category, new ChaseClock(category, Engine.Calendar), ChasePolicy.For(category, defaults, Engine.Calendar));
    }
}
