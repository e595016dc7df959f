using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Residents;

namespace ResidentBot.Bot.Chase;

/// <summary>An official's chat: channel, chat id and language; null when the official has no chat account yet.</summary>
internal sealed record OfficialChat(int OfficialId, string Channel, string ChatId, string Language)
{
    public string T(string key, params object?[] args) => Texts.Format(Language, key, args);
}

/// <summary>Queues chase messages to officials in the caller's unit of work (the caller saves).</summary>
internal sealed partial class ChaseMessenger(ResidentBotDbContext db, OutboxWriter outbox, ILogger<ChaseMessenger> logger)
{
    private readonly Dictionary<int, OfficialChat?> chats = [];

    public async Task<OfficialChat?> ChatOfAsync(int officialId, CancellationToken cancellationToken)
    {
        if (chats.TryGetValue(officialId, out var known))
        {
            return known;
        }

        var official = await db.Officials.AsNoTracking().Where(o => o.Id == officialId)
            .Select(o => new { o.Code, o.TelegramUserId }).SingleAsync(cancellationToken);
        OfficialChat? chat = null;
        if (official.TelegramUserId is { } telegramId)
        {
            var id = telegramId.ToString(CultureInfo.InvariantCulture);
            var language = await db.LanguageOfAsync(ChannelNames.Telegram, id, cancellationToken) ?? Texts.Vietnamese;
            chat = new OfficialChat(officialId, ChannelNames.Telegram, id, language);
        }
        else
        {
            chat = NoChat(official.Code);
        }

        chats[officialId] = chat;
        return chat;
    }

    /// <summary>Loads the chats of officials not seen yet in two queries, instead of two per official.</summary>
    public async Task PrefetchAsync(IReadOnlyCollection<int> officialIds, CancellationToken cancellationToken)
    {
        var missing = officialIds.Where(id => !chats.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var officials = await db.Officials.AsNoTracking().Where(o => missing.Contains(o.Id))
            .Select(o => new { o.Id, o.Code, o.TelegramUserId }).ToListAsync(cancellationToken);
        var accounts = officials.Where(o => o.TelegramUserId is not null)
            .ToDictionary(o => o.Id, o => o.TelegramUserId!.Value.ToString(CultureInfo.InvariantCulture));
        var languages = await db.LanguagesOfAsync(ChannelNames.Telegram, [.. accounts.Values], cancellationToken);
        foreach (var official in officials)
        {
            chats[official.Id] = accounts.TryGetValue(official.Id, out var id)
                ? new OfficialChat(official.Id, ChannelNames.Telegram, id, languages.GetValueOrDefault(id) ?? Texts.Vietnamese)
                : NoChat(official.Code);
        }
    }

    /// <summary>Queues a message when the official can receive one; the case event is recorded either way by the caller.</summary>
    public async Task<OfficialChat?> SendAsync(
        int officialId, string? dedupKey, Func<OfficialChat, OutboundMessage> compose, CancellationToken cancellationToken)
    {
        if (await ChatOfAsync(officialId, cancellationToken) is not { } chat)
        {
            return null;
        }

        outbox.Enqueue(chat.Channel, chat.ChatId, compose(chat), dedupKey);
        return chat;
    }

    private OfficialChat? NoChat(string officialCode)
    {
        LogNoChat(officialCode);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Official {OfficialCode} has no chat account; the chase records the event without a message")]
    private partial void LogNoChat(string officialCode);
}
