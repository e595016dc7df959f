using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Attachments;

namespace ResidentBot.Persistence.Configurations;

internal sealed class StoredAttachmentConfiguration : IEntityTypeConfiguration<StoredAttachment>
{
    public void Configure(EntityTypeBuilder<StoredAttachment> builder)
    {
        builder.ToTable("StoredAttachments");
        builder.Property(a => a.Name).HasMaxLength(64);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.SourceChannel).HasMaxLength(32);
        builder.Property(a => a.SourceRef).HasMaxLength(512);
        builder.HasIndex(a => new { a.SourceChannel, a.SourceRef });
        builder.HasIndex(a => a.CreatedAt);
    }
}
