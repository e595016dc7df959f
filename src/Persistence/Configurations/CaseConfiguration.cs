using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Cases;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.TrackingCode).HasMaxLength(32);
        builder.HasIndex(c => c.TrackingCode).IsUnique();
        builder.Property(c => c.Description).HasMaxLength(Case.MaxDescriptionLength);
        builder.Property(c => c.AddressText).HasMaxLength(500);
        builder.Property(c => c.RoutingReasons).HasColumnName("RoutingReason")
            .HasConversion(RoutingReasonsConversion.Converter, RoutingReasonsConversion.Comparer);

        // Directory rows that cases point at are never deleted under them (see the import policy).
        builder.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Area).WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.AccountableOfficial).WithMany().HasForeignKey(c => c.AccountableOfficialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);

        // The chase sweep reads "NextChaseAt <= now"; officials' inboxes read their open cases.
        builder.HasIndex(c => c.NextChaseAt);
        // ... and the console's queue orders them by deadline from this index alone (covering: no row is read but the page's).
        builder.HasIndex(c => new { c.AccountableOfficialId, c.Status, c.AcknowledgeDueAt, c.ResolveDueAt });

        // The console's supervisor board counts and pages the overdue open cases of the areas under a supervisor from
        // this index alone (covering: deadlines, level and official are in it).
        builder.HasIndex(c => new { c.Status, c.AreaId, c.EscalationLevel, c.ResolveDueAt, c.AcknowledgeDueAt, c.AccountableOfficialId });

        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.Property(c => c.ResidentQuestion).HasMaxLength(Case.MaxQuestionLength);

        // Defaults in the database too, so rows written without the column (bulk loads, older code) read as "never paused".
        builder.Property(c => c.PausedFor).HasDefaultValue(TimeSpan.Zero);
        builder.Property(c => c.PublicationConsent).HasDefaultValue(false);
        builder.Property(c => c.ReopenCount).HasDefaultValue(0);

        // The public results read a year of cases by report date: a covering index, so the refresh reads the index in
        // order and never the wide rows (on 1,000,000 cases ~10x faster than the rows looked up from a CreatedAt index).
        builder.HasIndex(c => new
        {
            c.CreatedAt, c.AreaId, c.AccountableOfficialId, c.Status, c.AcknowledgeDueAt, c.AcknowledgedAt, c.ResolveDueAt, c.ResolvedAt,
            c.Rating, c.PausedFor, c.PausedAt, c.ReopenCount, c.Latitude, c.Longitude,
        }).HasDatabaseName("IX_Cases_Results");

        // ... and, to refresh incrementally, which cases changed since the last refresh (CaseChangeMarker stamps it).
        builder.Property<DateTimeOffset?>(CaseChangeMarker.ChangedAt);
        builder.HasIndex(CaseChangeMarker.ChangedAt, nameof(Case.CreatedAt)).HasDatabaseName("IX_Cases_ChangedAt");

        // ... and the latest published resolved cases.
        builder.HasIndex(c => new { c.PublicationConsent, c.ResolvedAt });

        // ... and Open311's GET requests: the published cases of a window, newest first, read in the index's order.
        builder.HasIndex(c => new { c.PublicationConsent, c.CreatedAt, c.Id }).HasDatabaseName("IX_Cases_Published");
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Followers).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Followers).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
