using System.Globalization;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Directory;
using ResidentBot.Routing.Escalation;
using ResidentBot.Routing.When;
using ResidentBot.Routing.Where;
using ResidentBot.Routing.Who;

namespace ResidentBot.Routing.Engine;

/// <summary>Where, who and when over one directory snapshot. Immutable and safe to share between threads.</summary>
public sealed class RoutingEngine
{
    private RoutingEngine(DirectorySnapshot directory)
    {
        Directory = directory;
        Locator = new AreaLocator(directory);
        Resolver = new AccountableResolver(directory);
        Calendar = new WorkingCalendar(directory.Calendar, directory.Holidays);
        Deadlines = new DeadlineCalculator(Calendar);
        Escalation = new EscalationChain(directory);
    }

    public DirectorySnapshot Directory { get; }

    public AreaLocator Locator { get; }

    public AccountableResolver Resolver { get; }

    public WorkingCalendar Calendar { get; }

    public DeadlineCalculator Deadlines { get; }

    public EscalationChain Escalation { get; }

    /// <summary>Parses boundaries and calendar once; throws if the snapshot holds malformed data.</summary>
    public static RoutingEngine Create(DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new RoutingEngine(directory);
    }

    public RoutingOutcome Route(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var category = CategoryOf(request.CategoryCode);
        var place = request.Where switch
        {
            AreaCodeQuery q => Locator.ByCode(q.AreaCode),
            PointQuery q => Locator.ByPoint(q.Latitude, q.Longitude),
            TextQuery q => Locator.ByText(q.Text),
            _ => throw new ArgumentException($"Unsupported place query {request.Where}.", nameof(request)),
        };

        return place is { IsFound: true, Area: { } area }
            ? new RoutingOutcome(place, Decide(area.Id, category, request.At, place.Explanation))
            : new RoutingOutcome(place, null);
    }

    /// <summary>Routes a known area and category again, e.g. when a case is transferred.</summary>
    public RoutingDecision Reroute(int areaId, string categoryCode, DateTimeOffset at) =>
        Decide(areaId, CategoryOf(categoryCode), at, null);

    public RoutingDecision Reroute(int areaId, int categoryId, DateTimeOffset at) =>
        Decide(areaId, CategoryOf(categoryId), at, null);

    /// <summary>Fresh deadlines from <paramref name="at"/>, e.g. when a resident reopens a case.</summary>
    public Deadlines DeadlinesFrom(int categoryId, DateTimeOffset at) => Deadlines.From(CategoryOf(categoryId), at);

    /// <summary>The assignment <see cref="Case.Reopen"/> expects: the same official, new deadlines.</summary>
    public Assignment ReopenAssignment(Case reopened, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reopened);
        var official = reopened.AccountableOfficialId
            ?? throw new InvalidOperationException($"Case {reopened.TrackingCode} has no accountable official to reopen to.");
        var due = DeadlinesFrom(reopened.CategoryId, at);
        IReadOnlyList<RoutingReason> reasons =
            [RoutingReason.ReopenedByResident(), .. (reopened.RoutingReasons ?? []).Where(r => r.Code != RoutingReason.Reopened)];
        return new Assignment(official, $"Reopened; {When(due)}", due.AcknowledgeDueAt, due.ResolveDueAt, reasons);
    }

    private RoutingDecision Decide(int areaId, Category category, DateTimeOffset at, string? where)
    {
        var area = Directory.AreasById.GetValueOrDefault(areaId)
            ?? throw new ArgumentException($"Area {areaId} is not in the directory.", nameof(areaId));
        var who = Resolver.Resolve(areaId, category.Code, at);
        var due = Deadlines.From(category, at);
        var chain = Escalation.For(areaId, who.Official.Id, at);
        var explanation = $"{where ?? area.Name}. {who.Explanation}. {When(due)}.";
        return new RoutingDecision(area, category, who.Official, who.Post, due.AcknowledgeDueAt, due.ResolveDueAt, chain, explanation, [who.Reason]);
    }

    private string When(Deadlines due) => string.Create(CultureInfo.InvariantCulture,
        $"Acknowledge by {Local(due.AcknowledgeDueAt)}, resolve by {Local(due.ResolveDueAt)}");

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Calendar.TimeZone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private Category CategoryOf(string code) =>
        Directory.CategoriesByCode.GetValueOrDefault(code?.Trim() ?? string.Empty)
        ?? throw new ArgumentException($"Category \"{code}\" is not in the directory.", nameof(code));

    private Category CategoryOf(int id) =>
        Directory.CategoriesById.GetValueOrDefault(id)
        ?? throw new ArgumentException($"Category {id} is not in the directory.", nameof(id));
}
