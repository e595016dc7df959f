using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.WebConsole.Cases;

/// <summary>
/// Everything the case page shows, read for the official accountable for it (anyone else gets nothing, the page
/// answers 404): the case, its log with who did what, its stored photos, the reporter unless anonymous, and why
/// this official is accountable.
/// </summary>
internal sealed class CaseView(ResidentBotDbContext db, CurrentRouting routing)
{
    // Notes people wrote (replies, results, reasons, additions); the others are the system's English log lines, which
    // the page says in words of its own (the event's name, "why you").
    private static readonly HashSet<CaseEventKind> HumanNotes =
    [
        CaseEventKind.InformationAdded, CaseEventKind.RepliedToResident, CaseEventKind.Resolved, CaseEventKind.Rejected, CaseEventKind.Transferred,
        CaseEventKind.DeadlineExtended, CaseEventKind.InformationRequested, CaseEventKind.ProgressReported, CaseEventKind.Reopened,
    ];

    public Task<CaseDetails?> LoadAsync(int officialId, long caseId, string language, CancellationToken cancellationToken) =>
        LoadAsync(caseId, language, c => c.AccountableOfficialId == officialId, cancellationToken);

    /// <summary>The case when <paramref name="mayRead"/> lets the reader see it (a supervisor: a case in the areas under them).</summary>
    public async Task<CaseDetails?> LoadAsync(long caseId, string language, Func<Case, bool> mayRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mayRead);
        var @case = await db.Cases.AsNoTracking().Include(c => c.Events).Include(c => c.Attachments)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || !mayRead(@case))
        {
            return null;
        }

        var engine = await routing.GetAsync(cancellationToken);
        var directory = engine.Directory;
        var reporter = @case.AnonymousToOfficials ? null
            : await db.Residents.AsNoTracking().Where(r => r.Id == @case.ResidentId).Select(r => new Reporter(r.DisplayName, r.Phone)).FirstOrDefaultAsync(cancellationToken);
        var category = directory.CategoriesById.GetValueOrDefault(@case.CategoryId);
        var timeline = @case.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TimelineEntry(
            e.At, e.Kind, e.ActorKind,
            e.ActorKind == ActorKind.Official && e.ActorId is { } actor ? directory.OfficialsById.GetValueOrDefault(actor)?.Title : null,
            HumanNotes.Contains(e.Kind) ? e.Note : null)).ToList();
        var photos = @case.Attachments.Select(a => (a.Id, Stored: AttachmentStore.IdOf(a.FileRef), a.AddedBy))
            .Where(a => a.Stored is not null).Select(a => new CasePhoto(a.Id, a.AddedBy)).ToList();
        return new CaseDetails(@case,
            category is null ? string.Empty : language == Resources.Texts.English ? category.NameEn : category.NameVi,
            directory.AreasById.GetValueOrDefault(@case.AreaId)?.Name ?? string.Empty,
            reporter, RoutingReasonText.For(language, @case), timeline, photos, engine.Calendar.TimeZone);
    }
}

public sealed record CaseDetails(
    Case Case, string Category, string Area, Reporter? Reporter, string WhyYou, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<CasePhoto> Photos, TimeZoneInfo Zone);

public sealed record Reporter(string? Name, string? Phone);

public sealed record TimelineEntry(DateTimeOffset At, CaseEventKind Kind, ActorKind Actor, string? OfficialTitle, string? Note);

public sealed record CasePhoto(long AttachmentId, ActorKind AddedBy);
