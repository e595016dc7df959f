using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence.Configurations;

internal sealed class CaseFollowerConfiguration : IEntityTypeConfiguration<CaseFollower>
{
    public void Configure(EntityTypeBuilder<CaseFollower> builder)
    {
        builder.ToTable("CaseFollowers");

        // A resident follows a case once, however many times they ask or are marked a duplicate.
        builder.HasIndex(f => new { f.CaseId, f.ResidentId }).IsUnique();
        builder.HasOne<Resident>().WithMany().HasForeignKey(f => f.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}
