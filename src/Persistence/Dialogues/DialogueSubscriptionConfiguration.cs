using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence.Dialogues;

internal sealed class DialogueSubscriptionConfiguration : IEntityTypeConfiguration<DialogueSubscription>
{
    public void Configure(EntityTypeBuilder<DialogueSubscription> builder)
    {
        builder.ToTable("DialogueSubscriptions");
        builder.HasIndex(s => new { s.DialogueId, s.ResidentId }).IsUnique();
        builder.HasIndex(s => s.RemindedAt);
        builder.HasOne<Dialogue>().WithMany().HasForeignKey(s => s.DialogueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resident>().WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
