using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Persistence.Open311;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Configurations;

internal sealed class Open311RequestConfiguration : IEntityTypeConfiguration<Open311Request>
{
    public void Configure(EntityTypeBuilder<Open311Request> builder)
    {
        builder.ToTable("Open311Requests");
        builder.HasKey(r => r.CaseId);
        builder.Property(r => r.CaseId).ValueGeneratedNever();
        builder.Property(r => r.MediaUrl).HasMaxLength(Open311Request.MaxMediaUrlLength);
        builder.Property(r => r.MediaProblem).HasMaxLength(Open311Request.MaxMediaProblemLength);
        builder.HasIndex(r => r.KeyId);

        // GET requests reads the clients' requests of a window newest first (a request has its case's report time).
        builder.HasIndex(r => new { r.CreatedAt, r.CaseId });

        // The media sweep reads "MediaNextAttemptAt <= now": only pending fetches have one.
        builder.HasIndex(r => r.MediaNextAttemptAt);
        builder.HasOne<Case>().WithOne().HasForeignKey<Open311Request>(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Open311Key>().WithMany().HasForeignKey(r => r.KeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
