using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Chase;

internal sealed class DigestSnapshotConfiguration : IEntityTypeConfiguration<DigestSnapshot>
{
    public void Configure(EntityTypeBuilder<DigestSnapshot> builder)
    {
        builder.ToTable("DigestSnapshots");
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.HasIndex(d => new { d.SupervisorId, d.Kind }).IsUnique();
        builder.HasOne<Official>().WithMany().HasForeignKey(d => d.SupervisorId).OnDelete(DeleteBehavior.Cascade);
    }
}
