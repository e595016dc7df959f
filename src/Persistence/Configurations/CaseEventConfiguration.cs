using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Configurations;

/// <summary>Append-only rows; <see cref="Cases.CaseEventAppendOnlyInterceptor"/> refuses updates and deletes.</summary>
internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.HasIndex(e => new { e.CaseId, e.At });
        builder.HasIndex(e => e.AddresseeId);

        // Open311's servicerequestupdates reads the lines of a window (FixMyStreet polls the minutes since its last poll).
        builder.HasIndex(e => e.At);
    }
}
