using Microsoft.Extensions.Options;
using ResidentBot.Bot.Attachments;
using System.Text.Json.Nodes;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Delivers outbound messages of the web chat channel by appending bot activities to the conversation's log
/// (from which open WebSockets and polling clients read). Called by the outbox, which owns retries.
/// </summary>
internal sealed class WebChatSender(WebChatLog log, WebChatFiles files, AttachmentStore attachments, IOptions<WebChatOptions> options,
    ILogger<WebChatSender> logger) : IChannelSender
{
    /// <summary>Where a stored photo (<c>attachment:</c>) is served, by its random name.</summary>
    public const string AttachmentUrlPath = "/webchat/attachments/";

    public string Channel => ChannelNames.WebChat;

    // Activities are ours to shape: cards are edited by re-sending the same activity id, keyboards are suggested
    // actions; a resident cannot answer one particular message, and only some clients share the location.
    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxTextLength = options.Value.MaxTextLength,
        MaxButtons = 100,
        MaxButtonLabelLength = 64,
        CanEditMessages = true,
        CanShareLocation = false,
        CanReplyToMessage = false,
        HasMenuKeyboard = true,
        MaxPhotoBytes = options.Value.MaxUploadBytes,
    };

    public async Task<string?> SendAsync(string recipient, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await log.FindAsync(recipient, cancellationToken) is null)
        {
            throw new DeliveryException(DeliveryFailure.Permanent, $"Web conversation {recipient} does not exist.");
        }

        string? photoUrl = null;
        if (message.PhotoRef is { } photoRef)
        {
            photoUrl = WebChatFiles.UrlOf(photoRef) ?? await StoredPhotoUrlAsync(photoRef, cancellationToken);
            if (photoUrl is null)
            {
                // A photo another channel kept before photos were stored once (a Telegram file id), or one that is gone.
                logger.LogInformation("Photo {PhotoRef} of another channel not shown in web conversation {Conversation}", photoRef, recipient);
                message = message with { Text = string.IsNullOrEmpty(message.Text) ? "[📷]" : message.Text };
            }
        }
        else if (message.PhotoPath is { } path)
        {
            photoUrl = await files.PublishAsync(path, recipient, cancellationToken);
        }

        var activity = WebChatOutboundMapper.Map(message, photoUrl);
        if (message.EditMessageId is { } editOf)
        {
            if (await log.FindLatestRevisionAsync(recipient, editOf, cancellationToken) is { } previous)
            {
                await log.AppendAsync(recipient, WebChatRevision.Of(previous, activity, keepText: string.IsNullOrEmpty(message.Text)), cancellationToken);

                // As in Telegram, an edited message keeps its id: later edits and replies refer to the original.
                return editOf;
            }

            // The message is no longer in the log (retention) or is not the bot's: what the edit says comes as a new message.
            logger.LogInformation("Web chat message {MessageId} to edit not found in {Conversation}; sending anew", editOf, recipient);
            ((JsonObject)activity["channelData"]!).Remove("editOf");
        }

        if (photoUrl is null && string.IsNullOrWhiteSpace(message.Text))
        {
            if (message.EditMessageId is not null)
            {
                return message.EditMessageId; // new buttons for a message that is gone: nothing to show
            }

            throw new DeliveryException(DeliveryFailure.Permanent, "The message has neither text nor a photo.");
        }

        return await log.AppendAsync(recipient, activity, cancellationToken);
    }

    private async Task<string?> StoredPhotoUrlAsync(string photoRef, CancellationToken cancellationToken) =>
        await attachments.FindRowAsync(photoRef, cancellationToken) is { } stored ? AttachmentUrlPath + stored.Name : null;

    /// <summary>Web chat has no spinner to stop: only an answer with text becomes a small bot message.</summary>
    public async Task AnswerButtonAsync(string callbackId, string? text, bool showAlert, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || WebChatLog.ConversationOf(callbackId) is not { } conversation)
        {
            return;
        }

        var activity = WebChatOutboundMapper.Map(new OutboundMessage { Text = text, ReplyToMessageId = callbackId }, null);
        ((JsonObject)activity["channelData"]!)["buttonAnswer"] = showAlert ? "alert" : "toast";
        await log.AppendAsync(conversation, activity, cancellationToken);
    }
}
