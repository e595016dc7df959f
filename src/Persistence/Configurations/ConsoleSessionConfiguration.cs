using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.WebConsole;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.Configurations;

internal sealed class ConsoleSessionConfiguration : IEntityTypeConfiguration<ConsoleSession>
{
    public void Configure(EntityTypeBuilder<ConsoleSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64).ValueGeneratedNever();
        builder.Property(s => s.UserAgent).HasMaxLength(ConsoleSession.MaxUserAgentLength);
        // The official's own sessions (the sessions page, "sign out everywhere", ended posts).
        builder.HasIndex(s => s.OfficialId);
        builder.HasOne<Official>().WithMany().HasForeignKey(s => s.OfficialId).OnDelete(DeleteBehavior.Cascade);
    }
}
