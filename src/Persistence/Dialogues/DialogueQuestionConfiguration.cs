using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence.Dialogues;

internal sealed class DialogueQuestionConfiguration : IEntityTypeConfiguration<DialogueQuestion>
{
    public void Configure(EntityTypeBuilder<DialogueQuestion> builder)
    {
        builder.ToTable("DialogueQuestions");
        builder.Property(q => q.Text).HasMaxLength(DialogueQuestion.MaxTextLength);
        builder.Property(q => q.Answer).HasMaxLength(DialogueQuestion.MaxAnswerLength);
        builder.Ignore(q => q.IsAnswered);
        builder.Ignore(q => q.AnsweredOnTime);

        builder.HasOne<Dialogue>().WithMany().HasForeignKey(q => q.DialogueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(q => q.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Official>().WithMany().HasForeignKey(q => q.ResponsibleOfficialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Official>().WithMany().HasForeignKey(q => q.AnsweredByOfficialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(q => q.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(q => q.CategoryId).OnDelete(DeleteBehavior.Restrict);

        // The chase sweep reads "NextChaseAt <= now"; a dialogue's summary lists its questions.
        builder.HasIndex(q => q.NextChaseAt);
        builder.HasIndex(q => new { q.DialogueId, q.AskedAt });
    }
}
