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
    }
}
