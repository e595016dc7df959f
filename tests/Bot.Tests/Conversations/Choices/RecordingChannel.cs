using System.Collections.Concurrent;
using System.Globalization;
using ResidentBot.Bot.Channels;

namespace ResidentBot.Bot.Tests.Conversations.Choices;

/// <summary>One message the bot sent on a <see cref="RecordingChannel"/>, with the id the channel gave it.</summary>
internal sealed record SentMessage(string Recipient, OutboundMessage Message, string MessageId);

/// <summary>
/// A channel registered beside Telegram for a test, with the capabilities it is given (by default none of the extras: no
/// buttons, no edits, no replies, no keyboards, no location), recording what the outbox hands it.
/// </summary>
internal sealed class RecordingChannel(string name, ChannelCapabilities capabilities) : IChannelSender
{
    private readonly ConcurrentQueue<SentMessage> sent = new();
    private int lastId;
    private int buttonAnswers;

    public static ChannelCapabilities PlainText { get; } = new()
    {
        MaxTextLength = 2000,
        MaxButtons = 0,
        CanEditMessages = false,
        CanReplyToMessage = false,
        CanShareLocation = false,
        HasMenuKeyboard = false,
        MaxPhotoBytes = 1024 * 1024,
    };

    public string Channel { get; } = name;

    public ChannelCapabilities Capabilities { get; } = capabilities;

    public IReadOnlyList<SentMessage> Sent => [.. sent];

    /// <summary>How often the bot tried to answer a button press here (a channel without buttons never has one).</summary>
    public int ButtonAnswers => buttonAnswers;

    public Task<string?> SendAsync(string recipient, OutboundMessage message, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref lastId).ToString(CultureInfo.InvariantCulture);
        sent.Enqueue(new SentMessage(recipient, message, id));
        return Task.FromResult<string?>(id);
    }

    public Task AnswerButtonAsync(string callbackId, string? text, bool showAlert, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref buttonAnswers);
        return Task.CompletedTask;
    }
}
