using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.WebConsole;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Configurations;

internal sealed class ConsoleSignInConfiguration : IEntityTypeConfiguration<ConsoleSignIn>
{
    public void Configure(EntityTypeBuilder<ConsoleSignIn> builder)
    {
        builder.Property(s => s.CodeHash).HasMaxLength(64);
        builder.Property(s => s.RequestedBy).HasMaxLength(96);
        builder.Property(s => s.Language).HasMaxLength(8);
        builder.HasIndex(s => s.CodeHash).IsUnique();
        builder.HasOne<Official>().WithMany().HasForeignKey(s => s.OfficialId).OnDelete(DeleteBehavior.Cascade);
    }
}
