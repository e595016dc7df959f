using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.WebChat;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Configurations;

internal sealed class WebChatOfficialChannelIdentityConfiguration : IEntityTypeConfiguration<OfficialChannelIdentity>
{
    public void Configure(EntityTypeBuilder<OfficialChannelIdentity> builder)
    {
        builder.ToTable("OfficialChannelIdentities");
        builder.Property(i => i.Channel).HasMaxLength(32);
        builder.Property(i => i.ExternalId).HasMaxLength(128);
        builder.Property(i => i.ChatId).HasMaxLength(128);

        // One account answers for one official; an official may have one account per channel.
        builder.HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique();
        builder.HasIndex(i => new { i.OfficialId, i.Channel }).IsUnique();
        builder.HasOne<Official>().WithMany().HasForeignKey(i => i.OfficialId).OnDelete(DeleteBehavior.Cascade);
    }
}
