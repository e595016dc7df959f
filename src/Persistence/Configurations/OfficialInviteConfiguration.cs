using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Officials;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Configurations;

internal sealed class OfficialInviteConfiguration : IEntityTypeConfiguration<OfficialInvite>
{
    public void Configure(EntityTypeBuilder<OfficialInvite> builder)
    {
        builder.Property(i => i.CodeHash).HasMaxLength(64);
        builder.Property(i => i.UsedBy).HasMaxLength(64);
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasOne<Official>().WithMany().HasForeignKey(i => i.OfficialId).OnDelete(DeleteBehavior.Cascade);
    }
}
