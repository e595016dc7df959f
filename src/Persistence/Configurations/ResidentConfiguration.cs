using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("Residents");
        builder.Property(r => r.DisplayName).HasMaxLength(200);
        builder.Property(r => r.Phone).HasMaxLength(32);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.HasMany(r => r.Identities).WithOne().HasForeignKey(i => i.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
