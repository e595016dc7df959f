using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Tests.Chase;

/// <summary>The real host with fake time and no Hangfire server: tests call the jobs' RunAsync themselves.</summary>
internal sealed class ChaseHost(BotTestHost host) : IAsyncDisposable
{
    public const long ResidentChat = 5001;

    /// <summary>Telegram ids given to the Trần Phú chain: leader, city supervisors (rank 0, 1), province supervisor.</summary>
    public static readonly IReadOnlyDictionary<string, long> Chats = new Dictionary<string, long>
    {
        ["HD.TPHD.TRANPHU.CT"] = 9001,
        ["HD.TPHD.UVBTV"] = 9002,
        ["HD.TPHD.PCT"] = 9003,
        ["HD.PCT1"] = 9004,
        ["HD.TPHD.TRANPHU.PCT"] = 9005,
    };

    /// <summary>Monday 2 March 2026, 08:00 in Hải Dương.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public BotTestHost Host { get; } = host;

    public FakeTimeProvider Time => Host.Time!;

    public static async Task<ChaseHost> StartAsync(string? folder = null, IDictionary<string, string?>? settings = null, bool runServer = false)
    {
        var config = new Dictionary<string, string?> { ["Chase:RunServer"] = runServer ? "true" : "false" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }

        var host = new ChaseHost(await BotTestHost.StartAsync(config, new FakeTimeProvider(Monday), folder));
        await using var db = host.Host.NewDbContext();
        foreach (var official in await db.Officials.Include(o => o.Identities).Where(o => Chats.Keys.Contains(o.Code)).ToListAsync())
        {
            official.BindTelegram(Chats[official.Code]);
        }

        await db.SaveChangesAsync();
        return host;
    }

    public async Task<long> ReportAsync(string category = "lighting", string area = "HD.TPHD.TRANPHU", long residentChat = ResidentChat)
    {
        var now = Time.GetUtcNow();
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBot.Persistence.ResidentBotDbContext>();
        var engine = await scope.ServiceProvider.GetRequiredService<CurrentRouting>().GetAsync(CancellationToken.None);
        var chat = residentChat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var resident = await db.Residents.FirstOrDefaultAsync(r => r.Identities.Any(i => i.ExternalId == chat))
            ?? db.Residents.Add(new Resident { DisplayName = "Test", CreatedAt = now, Identities = [new ResidentIdentity { Channel = "telegram", ExternalId = chat }] }).Entity;
        await db.SaveChangesAsync();
        var decision = engine.Reroute(engine.Directory.AreasByCode[area].Id, category, now);
        var count = await db.Cases.CountAsync();
        var @case = Case.Create(new NewCase(resident.Id, decision.Category.Id, decision.Area.Id, "Đèn đường hỏng"), $"HD-2026-{count + 1:D6}", now);
        @case.Assign(new Assignment(decision.Official.Id, decision.Explanation, decision.AcknowledgeDueAt, decision.ResolveDueAt), Actor.System, now);
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return @case.Id;
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChaseSweepJob>().RunAsync(cancellationToken);
    }

    public async Task<Case> CaseAsync(long id)
    {
        await using var db = Host.NewDbContext();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Moves the clock to the case's next chase instant and sweeps.</summary>
    public async Task StepAsync(long caseId)
    {
        var next = (await CaseAsync(caseId)).NextChaseAt ?? throw new InvalidOperationException("Nothing left to chase.");
        if (next > Time.GetUtcNow())
        {
            Time.SetUtcNow(next);
        }

        await SweepAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Host.NewDbContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
