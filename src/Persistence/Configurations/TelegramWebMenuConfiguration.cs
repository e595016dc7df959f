using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.WebConsole;

namespace ResidentBot.Persistence.Configurations;

internal sealed class TelegramWebMenuConfiguration : IEntityTypeConfiguration<TelegramWebMenu>
{
    public void Configure(EntityTypeBuilder<TelegramWebMenu> builder)
    {
        builder.HasKey(m => m.ChatId);
        builder.Property(m => m.ChatId).HasMaxLength(64);
        builder.Property(m => m.Language).HasMaxLength(8);
    }
}
