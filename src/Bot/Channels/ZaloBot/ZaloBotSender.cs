using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ResidentBot.Bot.Channels.ZaloBot;

/// <summary>
/// Sends outbound messages with sendMessage and sendPhoto. The platform has no buttons, keyboards, location requests,
/// edits or replies: prompts arrive already numbered (the capabilities say so), an edit goes out as a new message, and
/// anything else of that kind is left out. No retries here: the outbox retries on the <see cref="DeliveryException"/>.
/// </summary>
internal sealed partial class ZaloBotSender(ZaloBotClient client, ZaloBotPhotoSource photos, IOptions<ZaloBotOptions> options,
    ILogger<ZaloBotSender> logger) : IChannelSender
{
    /// <summary>sendMessage text and sendPhoto caption: 1 to 2,000 characters.</summary>
    public const int MaxTextLength = 2000;

    public string Channel => ChannelNames.ZaloBot;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxTextLength = MaxTextLength,
        MaxButtons = 0,
        CanEditMessages = false,
        CanShareLocation = false,
        CanReplyToMessage = false,
        HasMenuKeyboard = false,
        MaxPhotoBytes = options.Value.MaxPhotoBytes,
    };

    public async Task<string?> SendAsync(string recipient, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return await SendNewAsync(recipient, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ZaloBotErrors.Classify(ex, cancellationToken) is { } delivery)
        {
            LogRefused(ex, recipient, delivery.Kind);
            throw delivery;
        }
    }

    /// <summary>The platform has no buttons, so there is never a press to answer.</summary>
    public Task AnswerButtonAsync(string callbackId, string? text, bool showAlert, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string?> SendNewAsync(string chatId, OutboundMessage message, CancellationToken ct)
    {
        if (message.Buttons.Count > 0)
        {
            LogButtonsDropped(message.Buttons.Sum(row => row.Count), message.Tag);
        }

        var text = message.Text.Trim();
        var photo = await photos.ForAsync(message, ct).ConfigureAwait(false);
        if (photo is { Problem: { } problem })
        {
            if (text.Length == 0)
            {
                throw new DeliveryException(DeliveryFailure.Permanent, $"The photo cannot be sent: {problem}.");
            }

            LogPhotoLeftOut(problem, message.Tag);
        }

        if (photo?.Url is null && text.Length == 0)
        {
            if (message.EditMessageId is { } edited)
            {
                return edited; // new buttons for a sent message: the platform has neither buttons nor edits
            }

            throw new DeliveryException(DeliveryFailure.Permanent, "The message has neither text nor a photo.");
        }

        string? lastId = null;
        var parts = text.Length == 0 ? [] : TextSplitter.Split(text, MaxTextLength);
        if (photo?.Url is { } url)
        {
            // A text that fits rides along as the caption; a longer one follows the photo in parts.
            var caption = parts.Count == 1 ? parts[0] : null;
            lastId = await SendAsync("sendPhoto", new { chat_id = chatId, photo = url.ToString(), caption }, ct).ConfigureAwait(false);
            if (caption is not null)
            {
                return lastId;
            }
        }

        foreach (var part in parts)
        {
            lastId = await SendAsync("sendMessage", new { chat_id = chatId, text = part }, ct).ConfigureAwait(false);
        }

        return lastId;
    }

    private async Task<string?> SendAsync(string method, object parameters, CancellationToken ct) =>
        (await client.CallAsync<ZaloBotSent>(method, parameters, ct).ConfigureAwait(false))?.MessageId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo bot refused a message to {Recipient}: {Failure}")]
    private partial void LogRefused(Exception ex, string recipient, DeliveryFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Zalo bot message ({Tag}) came with {Count} buttons, which the platform cannot show; they were left out (the prompt should have numbered them)")]
    private partial void LogButtonsDropped(int count, string? tag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Zalo bot message ({Tag}) is sent without its photo: {Problem}")]
    private partial void LogPhotoLeftOut(string problem, string? tag);
}
