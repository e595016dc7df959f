using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.WebChat;

namespace ResidentBot.Persistence.Configurations;

internal sealed class WebChatUploadConfiguration : IEntityTypeConfiguration<WebChatUpload>
{
    public void Configure(EntityTypeBuilder<WebChatUpload> builder)
    {
        builder.ToTable("WebChatUploads");
        builder.HasKey(u => u.Name);
        builder.Property(u => u.Name).HasMaxLength(64);
        builder.Property(u => u.ConversationId).HasMaxLength(64);
        builder.HasIndex(u => u.ConversationId);
        builder.HasIndex(u => u.CreatedAt);
    }
}
