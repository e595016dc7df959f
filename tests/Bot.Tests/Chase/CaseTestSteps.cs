using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Chase;

/// <summary>Steps the issue 15 tests share on a <see cref="ChaseHost"/>: the card sent as routing sends it, what reached whom.</summary>
internal static class CaseTestSteps
{
    public const string Leader = "HD.TPHD.TRANPHU.CT";

    public static ResidentChat LeaderChat(ChaseHost host) => new(host.Host, ChaseHost.Chats[Leader]);

    public static ResidentChat ResidentOf(ChaseHost host, long chat = ChaseHost.ResidentChat) => new(host.Host, chat);

    public static string Chat(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sends the case's card to its accountable official and waits until it is delivered.</summary>
    public static async Task SendCardAsync(ChaseHost host, long id)
    {
        await Residents.ResidentChat.InScopeAsync(host.Host, async services =>
        {
            var @case = await services.GetRequiredService<Persistence.ResidentBotDbContext>().Cases.SingleAsync(c => c.Id == id);
            await services.GetRequiredService<CaseCards>().SendAsync(@case, CancellationToken.None);
        });
        var prefix = CaseTag.CardPrefix(id);
        await OfficialsHarness.WaitUntilAsync(async () =>
            (await host.OutboxAsync()).Any(m => m.Tag != null && m.Tag.StartsWith(prefix, StringComparison.Ordinal) && m.ExternalMessageId != null));
    }

    /// <summary>Every message queued for <paramref name="chat"/>, oldest first.</summary>
    public static async Task<List<OutboundMessage>> SentToAsync(ChaseHost host, string chat) =>
        [.. (await host.OutboxAsync()).Where(m => m.Recipient == chat).Select(OutboxWriter.Read)];

    public static async Task<Case> CaseWithEventsAsync(ChaseHost host, long id)
    {
        await using var db = host.Host.NewDbContext();
        return await db.Cases.AsNoTracking().Include(c => c.Events).Include(c => c.Followers).Include(c => c.Attachments).SingleAsync(c => c.Id == id);
    }
}
