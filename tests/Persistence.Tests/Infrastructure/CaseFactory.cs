using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence.Tests.Infrastructure;

internal static class CaseFactory
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Saves a lighting case in Phường Trần Phú assigned to its leader, and returns its id.</summary>
    public static async Task<long> SaveAssignedCaseAsync(ResidentBotDbContext db, string code = "HD-2026-000001", DateTimeOffset? nextChaseAt = null)
    {
        var resident = new Resident { DisplayName = "Nguyễn Thị Test", CreatedAt = Now };
        db.Residents.Add(resident);
        await db.SaveChangesAsync();

        var area = await db.Areas.SingleAsync(a => a.Code == "HD.TPHD.TRANPHU");
        var category = await db.Categories.SingleAsync(c => c.Code == "lighting");
        var leader = await db.Officials.SingleAsync(o => o.Code == "HD.TPHD.TRANPHU.CT");
        var @case = Case.Create(new NewCase(resident.Id, category.Id, area.Id, "Đèn đường ngõ 12 bị hỏng"), code, Now);
        @case.Assign(new Assignment(leader.Id, "Lãnh đạo phường Trần Phú", Now.AddHours(8), Now.AddDays(5)), Actor.System, Now);
        db.Cases.Add(@case).Property(c => c.NextChaseAt).CurrentValue = nextChaseAt ?? Now.AddHours(6);
        await db.SaveChangesAsync();
        return @case.Id;
    }
}
