using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using static ResidentBot.Routing.Tests.TestDirectory;

namespace ResidentBot.Routing.Tests.Cases;

public sealed class ResolveEvidenceTests
{
    private static readonly DateTimeOffset T0 = Vn(2026, 3, 2, 9);
    private static readonly Actor Official = Actor.Official(7);

    private static Case Acknowledged()
    {
        var c = Case.Create(new NewCase(1, 2, 3, "Rác tồn đọng đầu ngõ"), "HD-2026-000001", T0);
        c.Assign(new Assignment(7, "to 7", T0.AddHours(4), T0.AddDays(3)), Actor.System, T0);
        c.Acknowledge(Official, T0);
        return c;
    }

    private static CaseAttachment Photo() => new() { Channel = "telegram", FileRef = "result-1", AddedBy = ActorKind.Official, AddedAt = T0.AddHours(2) };

    [Fact]
    public void A_photo_category_refuses_a_resolve_without_a_photo_and_nothing_changes()
    {
        var c = Acknowledged();
        var version = c.Version;

        var refused = Assert.Throws<MissingEvidenceException>(() => c.Resolve(Official, "Đã thu gom hết rác", T0.AddHours(2), ResolveEvidence.Photo));

        Assert.Equal(EvidenceGap.Photo, refused.Gap);
        Assert.Equal((CaseStatus.Acknowledged, version, (string?)null), (c.Status, c.Version, c.ResolutionNote));
        Assert.Empty(c.Attachments);
    }

    [Fact]
    public void A_photo_category_resolves_with_a_photo_which_is_kept_with_the_case()
    {
        var c = Acknowledged();

        c.Resolve(Official, "Đã thu gom hết rác", T0.AddHours(2), ResolveEvidence.Photo, [Photo()]);

        Assert.Equal(CaseStatus.Resolved, c.Status);
        Assert.Equal("result-1", Assert.Single(c.Attachments).FileRef);
    }

    [Fact]
    public void A_note_category_wants_a_sentence_about_what_was_done_and_a_plain_category_takes_any_note()
    {
        Assert.Equal(EvidenceGap.DetailedNote, ResolveProof.Missing(ResolveEvidence.Note, "Xong", 0));
        Assert.Equal(EvidenceGap.None, ResolveProof.Missing(ResolveEvidence.Note, "Đã lập biên bản, yêu cầu dừng thi công", 0));
        Assert.Equal(EvidenceGap.None, ResolveProof.Missing(ResolveEvidence.None, "Xong", 0));
        Assert.Equal(EvidenceGap.Note, ResolveProof.Missing(ResolveEvidence.Photo, "  ", 1));
        Assert.Throws<MissingEvidenceException>(() => Acknowledged().Resolve(Official, "Xong", T0.AddHours(2), ResolveEvidence.Note));
    }
}
