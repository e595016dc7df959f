using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Categories;

namespace ResidentBot.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameVi).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);

        // Categories imported before resolveEvidence existed need only the usual note.
        builder.Property(c => c.ResolveEvidence).HasDefaultValue(ResolveEvidence.None);
    }
}
