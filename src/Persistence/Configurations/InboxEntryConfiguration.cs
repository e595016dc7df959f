using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Inbox;

namespace ResidentBot.Persistence.Configurations;

internal sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> builder)
    {
        builder.ToTable("InboxEntries");
        builder.Property(e => e.Channel).HasMaxLength(32);
        builder.Property(e => e.ExternalId).HasMaxLength(128);
        builder.Property(e => e.Fingerprint).HasMaxLength(64);
        builder.HasIndex(e => new { e.Channel, e.ExternalId, e.Fingerprint }).IsUnique();
        builder.HasIndex(e => new { e.Status, e.ReceivedAt });
        builder.Property(e => e.ChatKey).HasMaxLength(170);
        builder.Property(e => e.ClaimedBy).HasMaxLength(64);

        // Finds whether a chat has an earlier entry still to handle (claims across hosts keep a chat's order).
        builder.HasIndex(e => new { e.ChatKey, e.Status });
    }
}
