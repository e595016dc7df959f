using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.WebChat;

namespace ResidentBot.Persistence.Configurations;

internal sealed class WebChatConversationConfiguration : IEntityTypeConfiguration<WebChatConversation>
{
    public void Configure(EntityTypeBuilder<WebChatConversation> builder)
    {
        builder.ToTable("WebChatConversations");
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(64);
        builder.HasIndex(c => c.UserId);
    }
}
