using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Attachments;

namespace ResidentBot.Persistence.Configurations;

internal sealed class StoredAttachmentContentConfiguration : IEntityTypeConfiguration<StoredAttachmentContent>
{
    public void Configure(EntityTypeBuilder<StoredAttachmentContent> builder)
    {
        builder.ToTable("AttachmentContents");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.AttachmentId).ValueGeneratedNever();
        builder.HasOne(c => c.Attachment).WithOne().HasForeignKey<StoredAttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
