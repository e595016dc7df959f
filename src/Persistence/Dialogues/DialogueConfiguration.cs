using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Dialogues;

internal sealed class DialogueConfiguration : IEntityTypeConfiguration<Dialogue>
{
    public void Configure(EntityTypeBuilder<Dialogue> builder)
    {
        builder.ToTable("Dialogues");
        builder.Property(d => d.Topic).HasMaxLength(Dialogue.MaxTopicLength);
        builder.Property(d => d.Place).HasMaxLength(Dialogue.MaxPlaceLength);

        // Directory rows a dialogue names are never deleted under it (the import keeps areas and officials in use).
        builder.HasOne<Official>().WithMany().HasForeignKey(d => d.LeaderOfficialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Official>().WithMany().HasForeignKey(d => d.AnnouncedByOfficialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(d => d.LeaderAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(d => d.ScopeAreaId).OnDelete(DeleteBehavior.Restrict);

        // The digests count a leader's dialogues of the year; residents list those coming up.
        builder.HasIndex(d => new { d.LeaderOfficialId, d.StartsAt });
        builder.HasIndex(d => d.StartsAt);
    }
}
