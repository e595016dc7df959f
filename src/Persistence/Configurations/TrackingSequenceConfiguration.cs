using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Cases;

namespace ResidentBot.Persistence.Configurations;

internal sealed class TrackingSequenceConfiguration : IEntityTypeConfiguration<TrackingSequence>
{
    public void Configure(EntityTypeBuilder<TrackingSequence> builder)
    {
        builder.ToTable("TrackingSequences");
        builder.HasKey(s => new { s.Prefix, s.Year });
        builder.Property(s => s.Prefix).HasMaxLength(10);
    }
}
