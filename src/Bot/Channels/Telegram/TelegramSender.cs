using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace ResidentBot.Bot.Channels.Telegram;

/// <summary>
/// Sends outbound messages with the Telegram Bot API. No retries here: the outbox retries on the
/// <see cref="DeliveryException"/> this throws (the client must be built with RetryThreshold = 0).
/// </summary>
internal sealed class TelegramSender(ITelegramBotClient client, IOptions<TelegramOptions> options, IAttachmentStore attachments, ILogger<TelegramSender> logger)
    : IChannelSender
{
    // Bot API limits: a message's text, and a photo's caption.
    private const int MaxMessageLength = 4096;
    private const int MaxCaptionLength = 1024;

    public string Channel => TelegramUpdateMapper.Channel;

    // Bot API limits: 4096 characters a message, 100 inline buttons, callback data of 64 bytes; photos we download up
    // to the configured size (the Bot API serves 20 MB at most).
    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxTextLength = MaxMessageLength,
        MaxButtons = 100,
        MaxButtonLabelLength = 64,
        CanEditMessages = true,
        CanShareLocation = true,
        CanReplyToMessage = true,
        HasMenuKeyboard = true,
        MaxPhotoBytes = options.Value.MaxPhotoBytes,
    };

    public async Task<string?> SendAsync(string recipient, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var chat = ToChatId(recipient);
            var id = message.EditMessageId is { } edit
                ? await EditAsync(chat, ParseMessageId(edit), message, cancellationToken).ConfigureAwait(false)
                : await SendNewAsync(chat, message, cancellationToken).ConfigureAwait(false);
            return id.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (TelegramErrors.Classify(ex, cancellationToken) is { } delivery)
        {
            logger.LogInformation(ex, "Telegram refused a message to {Recipient}: {Failure}", recipient, delivery.Kind);
            throw delivery;
        }
    }

    public async Task AnswerButtonAsync(string callbackId, string? text, bool showAlert, CancellationToken cancellationToken)
    {
        try
        {
            await client.AnswerCallbackQuery(callbackId, text, showAlert, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TelegramErrors.Classify(ex, cancellationToken) is { } delivery)
        {
            throw delivery;
        }
    }

    private async Task<int> SendNewAsync(ChatId chat, OutboundMessage message, CancellationToken ct)
    {
        var hasPhoto = message.PhotoRef is not null || message.PhotoPath is not null;
        if (!hasPhoto && string.IsNullOrWhiteSpace(message.Text))
        {
            throw new DeliveryException(DeliveryFailure.Permanent, "The message has neither text nor a photo.");
        }

        var inline = TelegramMarkup.Inline(message);
        var keyboard = TelegramMarkup.Keyboard(message);
        var reply = message.ReplyToMessageId is { } r ? new ReplyParameters { MessageId = ParseMessageId(r), AllowSendingWithoutReply = true } : null;

        var chunks = hasPhoto && message.Text.Length <= MaxCaptionLength
            ? []
            : string.IsNullOrWhiteSpace(message.Text) ? [] : TextSplitter.Split(message.Text, MaxMessageLength);
        var lastId = 0;
        var sent = 0;
        var total = (hasPhoto ? 1 : 0) + chunks.Count;

        if (hasPhoto)
        {
            var caption = chunks.Count == 0 && message.Text.Length > 0 ? message.Text : null;
            lastId = await SendPhotoAsync(chat, message, caption, Markup(++sent, total, inline, keyboard), reply, ct).ConfigureAwait(false);
            reply = null;
        }

        foreach (var chunk in chunks)
        {
            var sentMessage = await client.SendMessage(chat, chunk, replyParameters: reply,
                replyMarkup: Markup(++sent, total, inline, keyboard), cancellationToken: ct).ConfigureAwait(false);
            lastId = sentMessage.Id;
            reply = null;
        }

        return lastId;
    }

    /// <summary>
    /// One reply markup per Telegram message: inline buttons go on the last part; a keyboard change goes on the first
    /// part when there are several, and is dropped (logged) when a single message also carries inline buttons.
    /// </summary>
    private ReplyMarkup? Markup(int index, int total, InlineKeyboardMarkup? inline, ReplyMarkup? keyboard)
    {
        if (inline is null)
        {
            return index == 1 ? keyboard : null;
        }

        if (index == total)
        {
            if (total == 1 && keyboard is not null)
            {
                logger.LogWarning("A single Telegram message cannot carry both inline buttons and a keyboard; the keyboard change was dropped");
            }

            return inline;
        }

        return index == 1 ? keyboard : null;
    }

    private async Task<int> SendPhotoAsync(ChatId chat, OutboundMessage message, string? caption, ReplyMarkup? markup,
        ReplyParameters? reply, CancellationToken ct)
    {
        if (message.PhotoRef is { } stored && stored.StartsWith(IAttachmentStore.RefPrefix, StringComparison.Ordinal))
        {
            return await SendStoredPhotoAsync(chat, stored, caption, markup, reply, ct).ConfigureAwait(false);
        }

        if (message.PhotoRef is { } fileId)
        {
            var sent = await client.SendPhoto(chat, InputFile.FromFileId(fileId), caption, replyParameters: reply,
                replyMarkup: markup, cancellationToken: ct).ConfigureAwait(false);
            return sent.Id;
        }

        var path = message.PhotoPath!;
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var sent = await client.SendPhoto(chat, InputFile.FromStream(stream, Path.GetFileName(path)), caption,
                replyParameters: reply, replyMarkup: markup, cancellationToken: ct).ConfigureAwait(false);
            return sent.Id;
        }
    }

    /// <summary>
    /// A photo of the attachment store: by the file_id Telegram gave it when it was first uploaded, or uploaded now
    /// (and its file_id remembered). A file_id Telegram no longer knows is forgotten and the photo uploaded again.
    /// </summary>
    private async Task<int> SendStoredPhotoAsync(ChatId chat, string photoRef, string? caption, ReplyMarkup? markup, ReplyParameters? reply,
        CancellationToken ct)
    {
        if (await attachments.CopyOnAsync(photoRef, Channel, ct).ConfigureAwait(false) is { } fileId)
        {
            try
            {
                var again = await client.SendPhoto(chat, InputFile.FromFileId(fileId), caption, replyParameters: reply,
                    replyMarkup: markup, cancellationToken: ct).ConfigureAwait(false);
                return again.Id;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("file", StringComparison.OrdinalIgnoreCase))
            {
                logger.LogInformation("Telegram no longer knows the file_id of {PhotoRef}; uploading it again", photoRef);
                await attachments.RememberCopyAsync(photoRef, Channel, null, ct).ConfigureAwait(false);
            }
        }

        var content = await attachments.OpenAsync(photoRef, ct).ConfigureAwait(false)
            ?? throw new DeliveryException(DeliveryFailure.Permanent, $"The stored photo {photoRef} is gone.");
        Message sent;
        await using (content.Content.ConfigureAwait(false))
        {
            sent = await client.SendPhoto(chat, InputFile.FromStream(content.Content, content.FileName), caption,
                replyParameters: reply, replyMarkup: markup, cancellationToken: ct).ConfigureAwait(false);
        }

        try
        {
            if (sent.Photo?.MaxBy(p => (long)p.Width * p.Height)?.FileId is { } uploaded)
            {
                await attachments.RememberCopyAsync(photoRef, Channel, uploaded, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The photo is delivered; without its file_id the next send only uploads it again.
            logger.LogWarning(ex, "Could not remember the Telegram file_id of {PhotoRef}", photoRef);
        }

        return sent.Id;
    }

    private async Task<int> EditAsync(ChatId chat, int messageId, OutboundMessage message, CancellationToken ct)
    {
        var inline = TelegramMarkup.Inline(message);
        try
        {
            if (string.IsNullOrWhiteSpace(message.Text))
            {
                await client.EditMessageReplyMarkup(chat, messageId, inline, cancellationToken: ct).ConfigureAwait(false);
            }
            else
            {
                // An edit cannot become two messages; an over-long edit is cut rather than refused.
                var text = message.Text.Length <= MaxMessageLength
                    ? message.Text
                    : string.Concat(message.Text.AsSpan(0, MaxMessageLength - 1), "…");
                await client.EditMessageText(chat, messageId, text, replyMarkup: inline, cancellationToken: ct).ConfigureAwait(false);
            }
        }
        catch (ApiRequestException ex) when (TelegramErrors.IsNotModified(ex))
        {
            logger.LogDebug("Telegram message {MessageId} already had this content", messageId);
        }

        return messageId;
    }

    private static ChatId ToChatId(string recipient) =>
        long.TryParse(recipient, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? new ChatId(id)
            : new ChatId(recipient);

    private static int ParseMessageId(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new DeliveryException(DeliveryFailure.Permanent, $"'{value}' is not a Telegram message id.");
}
