using System.Text.Json;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Conversations;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Conversations;

/// <summary>
/// One inbound message being handled: who sent it, where their dialogue stands, and how to answer.
/// Everything a handler changes is saved in one unit of work with the inbox entry.
/// </summary>
internal sealed class Turn(
    InboundMessage message,
    Resident resident,
    Official? official,
    ConversationState conversation,
    ResidentBotDbContext db,
    OutboxWriter outbox,
    DateTimeOffset now,
    ChannelCapabilities capabilities)
{
    public InboundMessage Message { get; } = message;

    /// <summary>What the sender's channel and client can do (buttons, edits, replies, location); prompts adapt to it.</summary>
    public ChannelCapabilities Capabilities { get; } = capabilities;

    /// <summary>The sender as a resident (every sender has one; it holds their language).</summary>
    public Resident Resident { get; } = resident;

    /// <summary>The sender as an official, when their account is bound to the directory.</summary>
    public Official? Official { get; } = official;

    public ConversationState Conversation { get; } = conversation;

    public ResidentBotDbContext Db { get; } = db;

    public OutboxWriter Outbox { get; } = outbox;

    public DateTimeOffset Now { get; } = now;

    public string Language => Resident.Language;

    /// <summary>What to tell the presser of a button (set by the handler; empty just stops the spinner).</summary>
    public (string? Text, bool Alert) ButtonAnswer { get; set; }

    public string T(string key) => Texts.Get(Language, key);

    public string T(string key, params object?[] args) => Texts.Format(Language, key, args);

    /// <summary>Replies in the chat the message came from.</summary>
    public void Reply(OutboundMessage reply) =>
        Outbox.Enqueue(Message.Channel, Message.ChatId, reply with { Language = reply.Language ?? Language });

    public void Reply(string text, KeyboardKind keyboard = KeyboardKind.None) =>
        Reply(new OutboundMessage { Text = text, Keyboard = keyboard });

    public void StartFlow(string flow, string step, object? data = null)
    {
        Conversation.Flow = flow;
        Conversation.Step = step;
        Conversation.Data = data is null ? null : JsonSerializer.Serialize(data, OutboxWriter.Json);
        Conversation.UpdatedAt = Now;
    }

    public void MoveTo(string step, object? data = null)
    {
        Conversation.Step = step;
        if (data is not null)
        {
            Conversation.Data = JsonSerializer.Serialize(data, OutboxWriter.Json);
        }

        Conversation.UpdatedAt = Now;
    }

    public T? Data<T>() where T : class =>
        Conversation.Data is null ? null : JsonSerializer.Deserialize<T>(Conversation.Data, OutboxWriter.Json);

    public void EndFlow()
    {
        Conversation.Flow = null;
        Conversation.Step = null;
        Conversation.Data = null;
        Conversation.UpdatedAt = Now;
    }
}
