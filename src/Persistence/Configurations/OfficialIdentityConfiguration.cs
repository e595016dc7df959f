using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Identities;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Configurations;

internal sealed class OfficialIdentityConfiguration : IEntityTypeConfiguration<OfficialIdentity>
{
    public void Configure(EntityTypeBuilder<OfficialIdentity> builder)
    {
        builder.ToTable("OfficialIdentities");
        builder.Property(i => i.Channel).HasMaxLength(32);
        builder.Property(i => i.ExternalId).HasMaxLength(128);
        builder.Property(i => i.ChatId).HasMaxLength(128);
        builder.Property(i => i.UnreachableReason).HasMaxLength(Reachability.MaxReasonLength);

        // One account answers for one official; an official may have one account per channel.
        builder.HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique();
        builder.HasIndex(i => new { i.OfficialId, i.Channel }).IsUnique();
    }
}
