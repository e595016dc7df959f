using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Attachments;

namespace ResidentBot.Persistence.Configurations;

internal sealed class AttachmentCopyConfiguration : IEntityTypeConfiguration<AttachmentCopy>
{
    public void Configure(EntityTypeBuilder<AttachmentCopy> builder)
    {
        builder.ToTable("AttachmentCopies");
        builder.HasKey(c => new { c.AttachmentId, c.Channel });
        builder.Property(c => c.Channel).HasMaxLength(32);
        builder.Property(c => c.ChannelRef).HasMaxLength(512);
        builder.HasOne<StoredAttachment>().WithMany().HasForeignKey(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
