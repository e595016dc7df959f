using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Chase;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Tests.Dialogues;

/// <summary>
/// The chase host (real host, fake time, jobs run by the test) with the Trần Phú chain on Telegram, the ward's
/// construction specialist too, and helpers to talk as any of them through the fake Bot API.
/// </summary>
internal sealed class DialogueHost(ChaseHost chase) : IAsyncDisposable
{
    public const long Leader = 9001;
    public const long CitySupervisor = 9002;
    public const long Specialist = 9006;
    public const string SpecialistCode = "HD.TPHD.TRANPHU.DCXD";

    public ChaseHost Chase { get; } = chase;

    public FakeBotApi Api => Chase.Host.Api;

    public static async Task<DialogueHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = ResidentChat.FastOutbox();
        all["Admin:TelegramUserIds:0"] = CitySupervisor.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new DialogueHost(await ChaseHost.StartAsync(settings: all));
        await ResidentChat.OnboardOfficialAsync(host.Chase.Host, SpecialistCode, Specialist);
        return host;
    }

    public ResidentChat As(long user) => new(Chase.Host, user);

    /// <summary>Moves the fake clock to a local time in Hải Dương.</summary>
    public void At(int month, int day, int hour, int minute = 0) =>
        Chase.Time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7)));

    public async Task SweepAsync()
    {
        await Chase.SweepAsync();
        await Chase.Host.WaitUntilIdleAsync();
    }

    public async Task RunAsync<TJob>(Func<TJob, Task<int>> run) where TJob : notnull
    {
        await using (var scope = Chase.Host.Services.CreateAsyncScope())
        {
            await run(scope.ServiceProvider.GetRequiredService<TJob>());
        }

        await Chase.Host.WaitUntilIdleAsync();
    }

    /// <summary>Texts the fake Bot API received for <paramref name="chat"/> (sent or edited), in order.</summary>
    public IReadOnlyList<string> TextsTo(long chat) =>
        [.. Api.Calls.Where(c => c.Method is "sendMessage" or "editMessageText" && c.Long("chat_id") == chat).Select(c => c.String("text") ?? string.Empty)];

    public async Task<List<OutboxMessage>> OutboxAsync() => await Chase.OutboxAsync();

    public async Task<List<DialogueQuestion>> QuestionsAsync()
    {
        await using var db = Chase.Host.NewDbContext();
        return await db.Set<DialogueQuestion>().AsNoTracking().OrderBy(q => q.Id).ToListAsync();
    }

    public static string Read(OutboxMessage row) => OutboxWriter.Read(row).Text;

    public Task<int> DigestAsync() => RunJobAsync<EscalationDigestJob>(j => j.RunAsync(CancellationToken.None));

    public Task<int> ScorecardAsync() => RunJobAsync<WeeklyScorecardJob>(j => j.RunAsync(CancellationToken.None));

    public ValueTask DisposeAsync() => Chase.DisposeAsync();

    private async Task<int> RunJobAsync<TJob>(Func<TJob, Task<int>> run) where TJob : notnull
    {
        var result = 0;
        await RunAsync<TJob>(async job => result = await run(job));
        return result;
    }
}
