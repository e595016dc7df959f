using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Directory;

namespace ResidentBot.Persistence.DirectoryImport;

/// <summary>
/// Loads the whole directory into Routing's <see cref="DirectorySnapshot"/> and keeps it until the next
/// import (which calls <see cref="Invalidate"/>, here or, through <see cref="Invalidated"/>, on another host). The directory is small and changes rarely; routing
/// every report against a cached snapshot spares a dozen queries per message.
/// </summary>
public sealed class DirectorySnapshotLoader(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile DirectorySnapshot? cached;
    private int generation;

    public async Task<DirectorySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (cached is { } snapshot)
        {
            return snapshot;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cached is { } loaded)
            {
                return loaded;
            }

            var before = Volatile.Read(ref generation);
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var fresh = await LoadAsync(scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>(), cancellationToken).ConfigureAwait(false);

                // An import that finished while we were reading may have made this copy stale: serve it, don't keep it.
                if (Volatile.Read(ref generation) == before)
                {
                    cached = fresh;
                }

                return fresh;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Raised by <see cref="Invalidate"/>, so the other hosts of the database drop their copies too.</summary>
    public event Action? Invalidated;

    public void Invalidate()
    {
        InvalidateHere();
        Invalidated?.Invoke();
    }

    /// <summary>Drops this process's copy only (another host imported a directory).</summary>
    public void InvalidateHere()
    {
        Interlocked.Increment(ref generation);
        cached = null;
    }

    public static async Task<DirectorySnapshot> LoadAsync(ResidentBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var officials = await db.Officials.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var posts = await db.Posts.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var holidays = await db.Holidays.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var calendar = await db.CalendarSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? new CalendarSettings();

        // No-tracking queries do not fix up navigations across queries; wire them so the engine can walk them.
        var areasById = areas.ToDictionary(a => a.Id);
        var officialsById = officials.ToDictionary(o => o.Id);
        areas.ForEach(a => a.Parent = a.ParentId is { } p ? areasById.GetValueOrDefault(p) : null);
        foreach (var post in posts)
        {
            post.Area = areasById.GetValueOrDefault(post.AreaId);
            post.Official = officialsById.GetValueOrDefault(post.OfficialId);
            post.Official?.Posts.Add(post);
        }

        return new DirectorySnapshot(areas, officials, posts, categories, calendar, holidays);
    }
}
