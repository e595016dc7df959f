using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.Recipient).HasMaxLength(128);
        builder.Property(m => m.DedupKey).HasMaxLength(200);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.Property(m => m.ExternalMessageId).HasMaxLength(64);
        builder.Property(m => m.Tag).HasMaxLength(64);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });

        // Finds what a chat reply refers to: (channel, chat, message id) → the tag of the message we sent.
        builder.HasIndex(m => new { m.Channel, m.Recipient, m.ExternalMessageId });

        // Finds a person's waiting messages when they interact again.
        builder.HasIndex(m => new { m.ResidentId, m.Status });
        builder.HasIndex(m => new { m.OfficialId, m.Status });

        // Finds the cards of a case (by their tags) to edit them when the case changes.
        builder.HasIndex(m => m.Tag);

        // The console's delivery health: undelivered messages counted per channel, the oldest of each, and a channel's
        // failures newest first, from the index alone (sent messages, the bulk of the table, are never read).
        builder.HasIndex(m => new { m.Status, m.Channel, m.Id });
    }
}
