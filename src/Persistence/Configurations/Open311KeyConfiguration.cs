using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Open311;

namespace ResidentBot.Persistence.Configurations;

internal sealed class Open311KeyConfiguration : IEntityTypeConfiguration<Open311Key>
{
    public void Configure(EntityTypeBuilder<Open311Key> builder)
    {
        builder.ToTable("Open311Keys");
        builder.Property(k => k.Name).HasMaxLength(Open311Key.MaxNameLength);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => k.Name);
    }
}
