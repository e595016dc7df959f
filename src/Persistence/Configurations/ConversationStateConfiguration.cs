using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Conversations;

namespace ResidentBot.Persistence.Configurations;

internal sealed class ConversationStateConfiguration : IEntityTypeConfiguration<ConversationState>
{
    public void Configure(EntityTypeBuilder<ConversationState> builder)
    {
        builder.Property(c => c.Channel).HasMaxLength(32);
        builder.Property(c => c.ChatId).HasMaxLength(128);
        builder.Property(c => c.Flow).HasMaxLength(64);
        builder.Property(c => c.Step).HasMaxLength(64);
        builder.HasIndex(c => new { c.Channel, c.ChatId }).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
