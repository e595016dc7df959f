using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Cases;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Tests.Officials;

/// <summary>The real host with officials bound to Telegram accounts, cases made through the domain, and card helpers.</summary>
internal sealed class OfficialsHarness : IAsyncDisposable
{
    public const long TranPhuLeader = 7001;
    public const long QuangTrungLeader = 7002;
    public const long CitySupervisor = 7003;
    public const long Resident = 5001;
    public const string TranPhuLeaderCode = "HD.TPHD.TRANPHU.CT";
    public const string QuangTrungLeaderCode = "HD.TPHD.QUANGTRUNG.CT";
    public const string CitySupervisorCode = "HD.TPHD.UVBTV";

    private OfficialsHarness(BotTestHost host) => Host = host;

    public BotTestHost Host { get; }

    public FakeBotApi Api => Host.Api;

    public static async Task<OfficialsHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Outbox:Channels:telegram:PerChatInterval"] = "00:00:00",
            ["Admin:TelegramUserIds:0"] = CitySupervisor.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var harness = new OfficialsHarness(await BotTestHost.StartAsync(all));
        await harness.BindAsync(TranPhuLeaderCode, TranPhuLeader);
        await harness.BindAsync(QuangTrungLeaderCode, QuangTrungLeader);
        await harness.BindAsync(CitySupervisorCode, CitySupervisor);
        return harness;
    }

    public async Task BindAsync(string officialCode, long telegramUserId)
    {
        await using var db = Host.NewDbContext();
        await WaitUntilAsync(() => db.Officials.AnyAsync(o => o.Code == officialCode));
        var official = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Code == officialCode);
        official.BindTelegram(telegramUserId);
        await db.SaveChangesAsync();
    }

    /// <summary>Creates a case routed by the engine (as a report would be) and sends its card; returns its id.</summary>
    public Task<long> CreateCaseAsync(string areaCode = "HD.TPHD.TRANPHU", string category = "lighting", DateTimeOffset? at = null,
        bool anonymous = false, string? address = "Ngõ 12 Trần Phú", double? latitude = 20.96, double? longitude = 106.30,
        string[]? photos = null)
    {
        return CreateCaseOnAsync(Host.Services, areaCode, category, at, anonymous, address, latitude, longitude, photos);
    }

    /// <summary>The same, on any host's services (the console's browser host runs on Kestrel).</summary>
    public static async Task<long> CreateCaseOnAsync(IServiceProvider services, string areaCode = "HD.TPHD.TRANPHU", string category = "lighting", DateTimeOffset? at = null,
        bool anonymous = false, string? address = "Ngõ 12 Trần Phú", double? latitude = 20.96, double? longitude = 106.30,
        string[]? photos = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var engine = await scope.ServiceProvider.GetRequiredService<CurrentRouting>().GetAsync(CancellationToken.None);
        var when = at ?? TimeProvider.System.GetUtcNow();
        var resident = await db.Residents.FirstOrDefaultAsync(r => r.Identities.Any(i => i.ExternalId == Chat(Resident)));
        if (resident is null)
        {
            resident = new Resident
            {
                DisplayName = "Nguyễn Thị Lan", Phone = "0912345678", CreatedAt = when,
                Identities = [new ResidentIdentity { Channel = "telegram", ExternalId = Chat(Resident) }],
            };
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
        }

        var decision = engine.Reroute(engine.Directory.AreasByCode[areaCode].Id, category, when);
        // Resolved before the transaction: the button key is created on first use, on a connection of its own.
        var cards = scope.ServiceProvider.GetRequiredService<CaseCards>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var code = await scope.ServiceProvider.GetRequiredService<TrackingCodeAllocator>().NextAsync("HD", when.Year, CancellationToken.None);
        var @case = Case.Create(new NewCase(resident.Id, decision.Category.Id, decision.Area.Id, "Đèn đường hỏng từ 3 ngày nay",
            latitude, longitude, address, anonymous), code, when);
        foreach (var photo in photos ?? [])
        {
            @case.Attach(new CaseAttachment { Channel = "telegram", FileRef = photo, AddedBy = ActorKind.Resident, AddedAt = when });
        }

        @case.Assign(decision.ToAssignment(), Actor.System, when);
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        await cards.SendAsync(@case, CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return @case.Id;
    }

    /// <summary>Waits for the case's card to reach <paramref name="official"/>; returns the Telegram message id and the sent call.</summary>
    public async Task<(int MessageId, FakeBotApiCall Call)> CardAsync(long caseId, long official)
    {
        await using var db = Host.NewDbContext();
        var tag = $"case:{caseId}:card:";
        OutboxMessage? row = null;
        await WaitUntilAsync(async () =>
        {
            row = await db.OutboxMessages.AsNoTracking().Where(m => m.Tag!.StartsWith(tag) && m.Recipient == Chat(official) && m.Status == OutboxStatus.Sent
                && m.Payload.Contains("\"buttons\":[[")).OrderByDescending(m => m.Id).FirstOrDefaultAsync();
            return row is not null;
        });
        var id = int.Parse(row!.ExternalMessageId!, CultureInfo.InvariantCulture);
        var code = await CodeAsync(caseId);
        var call = Api.CallsTo("sendMessage").Last(c => c.Long("chat_id") == official && c.Json("reply_markup") is not null
            && c.String("text")!.Contains(code, StringComparison.Ordinal));
        return (id, call);
    }

    public static IReadOnlyList<(string Label, string Data)> Buttons(FakeBotApiCall call) =>
        [.. (call.Json("reply_markup") is JsonNode markup && markup is JsonObject o ? o : JsonNode.Parse(call.String("reply_markup")!)!.AsObject())
            ["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => ((string)b!["text"]!, (string)b["callback_data"]!))];

    public static string Data(FakeBotApiCall call, string action) => Buttons(call).Single(b => b.Data.StartsWith(action + ":", StringComparison.Ordinal)).Data;

    /// <summary>Presses a button and waits for the press to be answered; returns the answer call.</summary>
    public async Task<FakeBotApiCall> PressAsync(long user, string data, int messageId)
    {
        var before = Api.CallsTo("answerCallbackQuery").Count;
        Api.EnqueueUpdate(FakeUpdates.Callback(user, data, messageId, callbackId: $"cb-{Guid.NewGuid():N}"));
        return (await Api.WaitForCallsAsync("answerCallbackQuery", before + 1))[before];
    }

    /// <summary>Sends a message and waits until the bot has handled it (its inbox entry is marked).</summary>
    public async Task SendAsync(JsonObject update)
    {
        Api.EnqueueUpdate(update);
        var id = ((int)update["update_id"]!).ToString(CultureInfo.InvariantCulture);
        await using var db = Host.NewDbContext();
        await WaitUntilAsync(() => db.InboxEntries.AnyAsync(e => e.ExternalId == id && e.Status != Persistence.Inbox.InboxStatus.Pending));
    }

    /// <summary>Waits for a message to <paramref name="chat"/> whose text contains <paramref name="fragment"/>.</summary>
    public async Task<FakeBotApiCall> MessageToAsync(long chat, string fragment)
    {
        FakeBotApiCall? found = null;
        await WaitUntilAsync(() =>
        {
            found = Api.CallsTo("sendMessage").FirstOrDefault(c => c.Long("chat_id") == chat && (c.String("text") ?? "").Contains(fragment, StringComparison.Ordinal));
            return Task.FromResult(found is not null);
        });
        return found!;
    }

    public async Task<Case> CaseAsync(long id)
    {
        await using var db = Host.NewDbContext();
        return await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id);
    }

    public async Task<string> CodeAsync(long caseId)
    {
        await using var db = Host.NewDbContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.TrackingCode).SingleAsync();
    }

    public static string Chat(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Looks again after every commit of a test host and every call to a fake API (and every 100 ms) until <paramref name="condition"/> holds.</summary>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 10) => Pulse.UntilAnyAsync(condition, TimeSpan.FromSeconds(seconds));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
