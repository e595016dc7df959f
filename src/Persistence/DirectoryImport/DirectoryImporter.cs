using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ResidentBot.Routing.Calendar;

namespace ResidentBot.Persistence.DirectoryImport;

/// <summary>
/// Imports a directory file (see docs/DIRECTORY.md) in one transaction: all or nothing, and idempotent.
/// Rows are matched by code and updated in place, so ids survive re-imports. The import is its own unit
/// of work: it clears the scope's change tracker, so save pending changes before calling it.
/// </summary>
public sealed partial class DirectoryImporter(ResidentBotDbContext db, DirectorySnapshotLoader snapshots, TimeProvider time, ILogger<DirectoryImporter> logger)
{
    public async Task<DirectoryImportResult> ImportAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = await DirectoryFileReader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        var name = Path.GetFileName(path);

        db.ChangeTracker.Clear();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var errors = new List<DirectoryError>();
            await ApplyCalendarAsync(file, cancellationToken).ConfigureAwait(false);
            await ApplyCategoriesAsync(file, name, errors, cancellationToken).ConfigureAwait(false);
            var areas = await ApplyAreasAsync(file, name, errors, cancellationToken).ConfigureAwait(false);
            await ApplyOfficialsAsync(file, name, errors, areas, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                throw new DirectoryImportException(errors);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException ex)
            {
                db.ChangeTracker.Clear();
                throw new DirectoryImportException(
                    [new DirectoryError(name, null, "$", $"the database refused the directory: {ex.InnerException?.Message ?? ex.Message}")]);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();
        snapshots.Invalidate();
        var result = new DirectoryImportResult(file.Areas.Count, file.Officials.Count, file.Officials.Sum(o => o.Posts.Count),
            file.Categories.Count, file.Holidays.Count);
        logger.LogInformation("Imported directory {File}: {Result}", name, result);
        return result;
    }

    private async Task ApplyCalendarAsync(ValidatedDirectory file, CancellationToken cancellationToken)
    {
        var calendar = await db.CalendarSettings.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (calendar is null)
        {
            calendar = new CalendarSettings();
            db.CalendarSettings.Add(calendar);
        }

        calendar.TimeZoneId = file.Calendar.TimeZoneId;
        calendar.OfficeHours = file.Calendar.OfficeHours;
        calendar.WorkingDays = file.Calendar.WorkingDays;

        var existing = await db.Holidays.ToDictionaryAsync(h => h.Date, cancellationToken).ConfigureAwait(false);
        foreach (var parsed in file.Holidays)
        {
            if (!existing.Remove(parsed.Date, out var holiday))
            {
                holiday = new Holiday { Date = parsed.Date, Name = parsed.Name };
                db.Holidays.Add(holiday);
            }

            holiday.Name = parsed.Name;
            holiday.IsWorkingDay = parsed.IsWorkingDay;
        }

        db.Holidays.RemoveRange(existing.Values);
    }
}

/// <summary>What the file held after a successful import.</summary>
public sealed record DirectoryImportResult(int Areas, int Officials, int Posts, int Categories, int Holidays);
