namespace ResidentBot.Pages.Bench;

/// <summary>One generated case, consistent with the lifecycle: deadlines from its category, times that follow them or not.</summary>
internal sealed record SeedCase(
    long AreaId, long CategoryId, long OfficialId, string Description, double? Latitude, double? Longitude, string? Address, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset AcknowledgeDueAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset ResolveDueAt,
    DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, DateTimeOffset? PausedAt, string PausedFor, int? Rating, int ReopenCount,
    bool Published, string? ResolutionNote, string? RejectionReason)
{
    private static readonly string[] Problems =
        ["Đèn đường trước số {0} ngõ {1} không sáng", "Rác tồn đọng ở đầu ngõ {1}, gần số {0}", "Ổ gà lớn trước số {0}, ngõ {1}",
         "Cống ngõ {1} tắc, nước ngập trước số {0}", "Công trình số {0} ngõ {1} lấn vỉa hè", "Quán karaoke số {0} ngõ {1} hát quá 22 giờ"];

    private static readonly string[] Results =
        ["Đã thay bóng và kiểm tra đường dây.", "Đã thu gom, bố trí lịch thu rác hằng ngày.", "Đã vá ổ gà bằng bê tông nhựa.",
         "Đã nạo vét cống, nước đã rút.", "Đã lập biên bản, chủ công trình đã tháo dỡ phần lấn chiếm.", "Đã nhắc nhở, chủ quán cam kết không tái phạm."];

    public static SeedCase Make(Random random, DateTimeOffset now, SeedWard ward, SeedCategory category, double lateness)
    {
        // Slightly more reports in recent months: the service grows.
        var created = now - TimeSpan.FromDays(365 * Math.Pow(random.NextDouble(), 1.15)) - TimeSpan.FromMinutes(1);
        var ackDue = created + category.AcknowledgeWithin;
        var resolveDue = created + category.ResolveWithin;
        var ackAt = created + (category.AcknowledgeWithin * Factor(random, lateness));
        var resolvedAt = created + (category.ResolveWithin * Factor(random, lateness));
        var official = ward.Specialists.GetValueOrDefault(category.Code, ward.Leader);
        var kind = (int)(random.NextDouble() * Problems.Length);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Problems[kind], random.Next(1, 300), random.Next(1, 60));
        var (lat, lon) = random.NextDouble() < 0.85
            ? (ward.South + (random.NextDouble() * (ward.North - ward.South)), ward.West + (random.NextDouble() * (ward.East - ward.West)))
            : ((double?)null, (double?)null);
        var address = lat is null ? $"Ngõ {random.Next(1, 60)}, {ward.Code}" : null;
        var published = random.NextDouble() < 0.12;
        var seed = new SeedCase(ward.Id, category.Id, official, text, lat, lon, address, "Assigned", created, ackDue, null, resolveDue,
            null, null, null, "00:00:00", null, 0, published, null, null);

        if (random.NextDouble() < 0.03 && ackAt <= now)
        {
            return seed with { Status = "Rejected", AcknowledgedAt = ackAt, ClosedAt = ackAt, RejectionReason = "Không thuộc thẩm quyền của phường." };
        }

        if (ackAt > now)
        {
            return seed;
        }

        if (resolvedAt > now)
        {
            return random.NextDouble() < 0.1
                ? seed with { Status = "WaitingForResident", AcknowledgedAt = ackAt, PausedAt = ackAt }
                : seed with { Status = "Acknowledged", AcknowledgedAt = ackAt };
        }

        var paused = random.NextDouble() < 0.05 ? "1.00:00:00" : "00:00:00";
        var onTime = resolvedAt <= resolveDue;
        var rating = random.NextDouble() < 0.6 ? (int?)Math.Clamp((onTime ? 4 : 3) + random.Next(-1, 2), 1, 5) : null;
        var resolved = seed with
        {
            Status = now - resolvedAt > TimeSpan.FromDays(7) ? "Closed" : "Resolved", AcknowledgedAt = ackAt, ResolvedAt = resolvedAt,
            ClosedAt = now - resolvedAt > TimeSpan.FromDays(7) ? resolvedAt + TimeSpan.FromDays(7) : null, PausedFor = paused, Rating = rating,
            ResolutionNote = Results[kind],
        };
        if (random.NextDouble() >= (onTime ? 0.03 : 0.12))
        {
            return resolved;
        }

        // Reopened by the resident: back to the same official with new deadlines; most are fixed again since.
        var reopenedAt = resolvedAt + TimeSpan.FromDays(1);
        var again = reopenedAt + (category.ResolveWithin * Factor(random, lateness));
        return reopenedAt < now && again > now
            ? resolved with
            {
                Status = "Reopened", ReopenCount = 1, ResolvedAt = null, AcknowledgedAt = null, ClosedAt = null, Rating = null, ResolutionNote = null,
                AcknowledgeDueAt = reopenedAt + category.AcknowledgeWithin, ResolveDueAt = reopenedAt + category.ResolveWithin,
            }
            : resolved with { ReopenCount = 1, ResolveDueAt = reopenedAt + category.ResolveWithin, ResolvedAt = again < now ? again : resolvedAt };
    }

    // How much of the allowed time was used: within it mostly, beyond it with the ward's lateness.
    private static double Factor(Random random, double lateness) =>
        random.NextDouble() < lateness ? 1.05 + (random.NextDouble() * 2) : 0.05 + (random.NextDouble() * 0.9);
}
