using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.WebChat;

namespace ResidentBot.Persistence.Configurations;

internal sealed class WebChatActivityConfiguration : IEntityTypeConfiguration<WebChatActivity>
{
    public void Configure(EntityTypeBuilder<WebChatActivity> builder)
    {
        builder.ToTable("WebChatActivities");
        builder.Property(a => a.ConversationId).HasMaxLength(64);

        // The watermark: two writers racing for one number must collide, not both succeed.
        builder.HasIndex(a => new { a.ConversationId, a.Seq }).IsUnique();
        builder.HasOne<WebChatConversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
