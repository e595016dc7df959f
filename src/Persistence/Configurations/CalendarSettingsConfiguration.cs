using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Calendar;

namespace ResidentBot.Persistence.Configurations;

internal sealed class CalendarSettingsConfiguration : IEntityTypeConfiguration<CalendarSettings>
{
    public void Configure(EntityTypeBuilder<CalendarSettings> builder)
    {
        builder.ToTable("CalendarSettings");
        builder.Property(c => c.TimeZoneId).HasMaxLength(64);
        builder.Property(c => c.OfficeHours).HasMaxLength(200);
        builder.Property(c => c.WorkingDays).HasMaxLength(64);
    }
}
