using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Configurations;

internal sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> builder)
    {
        builder.ToTable("Officials");
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.FullName).HasMaxLength(200);
        builder.Property(o => o.Title).HasMaxLength(300);
        builder.Property(o => o.Phone).HasMaxLength(32);

        builder.HasMany(o => o.Identities).WithOne().HasForeignKey(i => i.OfficialId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Posts).WithOne(p => p.Official).HasForeignKey(p => p.OfficialId).OnDelete(DeleteBehavior.Cascade);
    }
}
