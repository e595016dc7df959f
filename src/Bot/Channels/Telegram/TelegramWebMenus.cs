using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Persistence;
using ResidentBot.Persistence.WebConsole;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// Officials' Telegram chats get <c>/web</c> in their command menu (setMyCommands scoped to the chat, in the language
/// the official uses with the bot); a chat that is no longer an official's has it taken back (deleteMyCommands). The
/// work is derived from the database, like the outbox's: a pass compares the officials' Telegram accounts with the chats
/// already set (<see cref="TelegramWebMenu"/>) and makes only the calls that differ, so a restart makes none, an invite
/// or a directory import makes one per account it changed, and a pass that fails is simply run again.
/// </summary>
/// <remarks>
/// A pass runs at start, after each commit that woke the outbox (a binding by invite always queues its welcome), at
/// most once a second, and every <see cref="Backstop"/> (a directory import, a binding on another host). Only the host
/// that holds Telegram's outbox lease (<see cref="ChannelLeases"/>) calls Telegram, so several hosts do not repeat the
/// calls, and the calls are made one at a time; a 429 pauses for its <c>retry_after</c>.
/// Accounts that never wrote to the bot are skipped until they do: Telegram cannot scope a menu to a chat it does not
/// know, and their first message makes the chat known (and wakes a pass).
/// </remarks>
internal sealed partial class TelegramWebMenus(
    ITelegramBotClient client,
    IServiceScopeFactory scopes,
    ChannelLeases leases,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<TelegramWebMenus> logger) : BackgroundService
{
    internal static readonly TimeSpan Backstop = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(30);
    private const string Channel = ChannelNames.Telegram;

    private readonly WorkSignal wake = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void Wake() => wake.NotifyHere();
        outbox.Rung += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Until this host holds the channel (or learns that another does), look again once the lease could have changed.
                var pause = leases.Holds(Channel) ? await RunPassAsync(stoppingToken) : ChannelLeases.Lifetime;
                await wake.WaitAsync(pause, stoppingToken);
                await Task.Delay(MinimumGap, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            outbox.Rung -= Wake;
        }
    }

    /// <summary>Makes the calls one pass finds; returns how long to wait before the next pass unless woken.</summary>
    private async Task<TimeSpan> RunPassAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (toSet, toRemove) = await DifferencesAsync(cancellationToken);
            foreach (var (chat, language) in toSet)
            {
                var culture = CultureInfo.GetCultureInfo(language == Resources.Texts.English ? "en" : "vi");
                if (await CallAsync(() => client.SetMyCommands(TelegramCommandList.ForOfficials(culture), BotCommandScope.Chat(ChatOf(chat)), cancellationToken: cancellationToken), chat, cancellationToken) is { } wait)
                {
                    return wait;
                }

                await RecordAsync(chat, language, cancellationToken);
                LogSet(chat, language);
            }

            foreach (var chat in toRemove)
            {
                if (await CallAsync(() => client.DeleteMyCommands(BotCommandScope.Chat(ChatOf(chat)), cancellationToken: cancellationToken), chat, cancellationToken) is { } wait)
                {
                    return wait;
                }

                await RecordAsync(chat, null, cancellationToken);
                LogRemoved(chat);
            }

            return Backstop;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPassFailed(ex);
            return AfterFailure;
        }
    }

    /// <summary>Officials' chats whose menu is not set (or set in another language), and chats set that are no longer an official's.</summary>
    private async Task<(List<(string Chat, string Language)> ToSet, List<string> ToRemove)> DifferencesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var wanted = from i in db.OfficialIdentities
                     where i.Channel == Channel && i.LastInteractionAt != null
                     select new
                     {
                         i.ChatId,
                         Language = (from r in db.ResidentIdentities
                                     where r.Channel == Channel && r.ExternalId == i.ExternalId
                                     join resident in db.Residents on r.ResidentId equals resident.Id
                                     select resident.Language).FirstOrDefault() ?? Resources.Texts.Vietnamese,
                     };
        var toSet = await wanted.Where(w => !db.TelegramWebMenus.Any(m => m.ChatId == w.ChatId && m.Language == w.Language))
            .AsNoTracking().ToListAsync(cancellationToken);
        var toRemove = await db.TelegramWebMenus.Where(m => !db.OfficialIdentities.Any(i => i.Channel == Channel && i.ChatId == m.ChatId))
            .Select(m => m.ChatId).ToListAsync(cancellationToken);
        return ([.. toSet.DistinctBy(w => w.ChatId).Select(w => (w.ChatId, w.Language))], toRemove);
    }

    /// <summary>
    /// Makes one call. Null: done, or refused for good (the chat is gone or blocked the bot: recorded as done, so it is
    /// not asked again every pass). Otherwise how long to wait before trying again (rate limited, Telegram unreachable).
    /// </summary>
    private async Task<TimeSpan?> CallAsync(Func<Task> call, string chat, CancellationToken cancellationToken)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex) when (TelegramErrors.Classify(ex, cancellationToken) is { } failure)
        {
            LogRefused(ex, chat, failure.Kind);
            return failure.Kind switch
            {
                DeliveryFailure.RateLimited => failure.RetryAfter ?? AfterFailure,
                DeliveryFailure.Transient => AfterFailure,
                _ => null,
            };
        }
    }

    /// <summary>Records the chat's menu as set in <paramref name="language"/>, or (null) as taken back. In the write gate's turn.</summary>
    private async Task RecordAsync(string chat, string? language, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        using (await scope.ServiceProvider.GetRequiredService<IWriteGate>().EnterAsync(db, cancellationToken))
        {
            var row = await db.TelegramWebMenus.FirstOrDefaultAsync(m => m.ChatId == chat, cancellationToken);
            if (language is null)
            {
                if (row is not null)
                {
                    db.TelegramWebMenus.Remove(row);
                }
            }
            else if (row is null)
            {
                db.TelegramWebMenus.Add(new TelegramWebMenu { ChatId = chat, Language = language, SetAt = time.GetUtcNow() });
            }
            else
            {
                row.Language = language;
                row.SetAt = time.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static ChatId ChatOf(string chat) =>
        long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? new ChatId(id) : new ChatId(chat);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram menu with /web set for official chat {Chat} ({Language})")]
    private partial void LogSet(string chat, string language);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram menu with /web taken back from chat {Chat}: no official's account any more")]
    private partial void LogRemoved(string chat);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused the menu call for chat {Chat}: {Failure}")]
    private partial void LogRefused(Exception ex, string chat, DeliveryFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram menu pass failed; trying again later")]
    private partial void LogPassFailed(Exception ex);
}
