using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Identities;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence.Configurations;

internal sealed class ResidentIdentityConfiguration : IEntityTypeConfiguration<ResidentIdentity>
{
    public void Configure(EntityTypeBuilder<ResidentIdentity> builder)
    {
        builder.ToTable("ResidentIdentities");
        builder.Property(i => i.Channel).HasMaxLength(32);
        builder.Property(i => i.ExternalId).HasMaxLength(128);
        builder.Property(i => i.ChatId).HasMaxLength(128);
        builder.Property(i => i.UnreachableReason).HasMaxLength(Reachability.MaxReasonLength);
        builder.HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique();
    }
}
