using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Configurations;

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ToTable("CaseAttachments");
        builder.Property(a => a.Channel).HasMaxLength(32);
        builder.Property(a => a.FileRef).HasMaxLength(512);
        builder.Property(a => a.ContentType).HasMaxLength(100);
    }
}
