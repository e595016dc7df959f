using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Conversations.Confirmation;

public sealed class ConfirmationTests
{
    private const long Lan = 7301;
    private const long Minh = 7302;
    private const long LeaderChat = 9301;

    [Fact]
    public async Task Not_fixed_reopens_the_case_to_the_same_official_with_a_new_deadline()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        await ResidentChat.OnboardOfficialAsync(host, ResidentChat.TranPhuLeader, LeaderChat);
        var chat = new ResidentChat(host, Lan);
        var @case = await ResolveAndAskAsync(host, chat);

        var reply = await chat.PressAsync("Chưa khắc phục");

        await using var db = host.NewDbContext();
        var saved = await db.Cases.Include(c => c.Events).Include(c => c.AccountableOfficial).SingleAsync(c => c.Id == @case.Id);
        Assert.Equal(CaseStatus.Reopened, saved.Status);
        Assert.Equal(ResidentChat.TranPhuLeader, saved.AccountableOfficial!.Code);
        // Counted again from the reopening (equal only when both instants fall outside office hours).
        Assert.True(saved.ResolveDueAt >= @case.ResolveDueAt);
        Assert.Contains(LocalText(saved.ResolveDueAt!.Value), ResidentChat.Text(reply), StringComparison.Ordinal);
        Assert.Contains(saved.Events, e => e.Kind == CaseEventKind.Reopened && e.ActorKind == ActorKind.Resident);
        Assert.Contains("Hạn xử lý mới", ResidentChat.Text(reply), StringComparison.Ordinal);
        var card = ResidentChat.Text(reply.Where(c => c.Long("chat_id") == LeaderChat));
        Assert.Contains("Người dân báo sự việc chưa được khắc phục nên phản ánh được mở lại.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Reopened", card, StringComparison.Ordinal);

        var again = await chat.PressAsync("Đã khắc phục");
        Assert.Equal("true", again.Last().String("show_alert"), ignoreCase: true);
    }

    [Fact]
    public async Task Fixed_closes_the_case_and_the_rating_is_stored()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        var @case = await ResolveAndAskAsync(host, chat);

        var ask = await chat.PressAsync("Đã khắc phục");
        Assert.Contains("mấy sao", ResidentChat.Text(ask), StringComparison.Ordinal);
        await chat.PressAsync("4 ⭐");

        await using var db = host.NewDbContext();
        var saved = await db.Cases.SingleAsync(c => c.Id == @case.Id);
        Assert.Equal(CaseStatus.Closed, saved.Status);
        Assert.Equal(4, saved.Rating);
    }

    [Fact]
    public async Task Another_resident_pressing_the_buttons_is_refused_and_nothing_changes()
    {
        await using var host = await BotTestHost.StartAsync(ResidentChat.FastOutbox());
        var chat = new ResidentChat(host, Lan);
        var @case = await ResolveAndAskAsync(host, chat);
        var intruder = new ResidentChat(host, Minh);

        var reply = await intruder.PressAsync("Chưa khắc phục", owner: Lan);

        Assert.Equal("true", reply.Last().String("show_alert"), ignoreCase: true);
        await using var db = host.NewDbContext();
        Assert.Equal(CaseStatus.Resolved, (await db.Cases.SingleAsync(c => c.Id == @case.Id)).Status);
    }

    private static string LocalText(DateTimeOffset instant) => TimeZoneInfo
        .ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"))
        .ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Case> ResolveAndAskAsync(BotTestHost host, ResidentChat chat)
    {
        var reported = await ResidentScenarios.ReportStreetLightAsync(host, chat);
        await ResidentChat.InScopeAsync(host, async services =>
        {
            var db = services.GetRequiredService<ResidentBotDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == reported.Id);
            @case.Resolve(Actor.Official(@case.AccountableOfficialId!.Value), "Đã thay bóng đèn", TimeProvider.System.GetUtcNow());
            await services.GetRequiredService<ResidentNotifier>().AskToConfirmAsync(@case, CancellationToken.None);
        });
        await WaitForButtonAsync(host, chat);
        return reported;
    }

    private static Task WaitForButtonAsync(BotTestHost host, ResidentChat chat) =>
        host.Api.WaitUntilAsync(calls => calls.Any(c => c.Method == "sendMessage" && c.Long("chat_id") == chat.UserId
            && c.String("text")!.Contains("đã được khắc phục chưa?", StringComparison.Ordinal)));
}
