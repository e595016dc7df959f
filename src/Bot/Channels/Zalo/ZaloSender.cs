using Microsoft.Extensions.Options;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Resources;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>
/// Sends outbound messages as Zalo OA consultation messages. Zalo cannot edit a message, answer a particular one, ask
/// for the location or keep a menu under the input field: an edit goes as a new message (or not at all when it only
/// changes buttons), the main menu goes as buttons, a photo is uploaded first. Outside the person's window, a notice
/// that has a pre-approved template (<see cref="ZaloOptions.Templates"/>) goes as that template; anything else waits
/// (<see cref="DeliveryFailure.Unreachable"/>). No retries here: the outbox retries on what this throws.
/// </summary>
internal sealed partial class ZaloSender(ZaloApi api, ZaloPhotos photos, IOptions<ZaloOptions> options, ILogger<ZaloSender> logger) : IChannelSender
{
    public const int MaxTextLength = 2000;
    public const int MaxButtonsPerMessage = 5;

    public string Channel => ChannelNames.Zalo;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        MaxTextLength = MaxTextLength,
        MaxButtons = MaxButtonsPerMessage,
        MaxButtonLabelLength = ZaloButtonPayload.MaxTitleLength,
        CanEditMessages = false,
        CanShareLocation = false,
        CanReplyToMessage = false,
        HasMenuKeyboard = true, // drawn as buttons that send their label (Zalo has no keyboard under the input)
        MaxPhotoBytes = ZaloPhotos.MaxBytes,
    };

    public async Task<string?> SendAsync(string recipient, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return await SendConsultationAsync(recipient, message, cancellationToken).ConfigureAwait(false);
        }
        catch (ZaloApiException ex) when (ZaloErrors.IsOutsideWindow(ex) && TemplateFor(message) is { } templateId)
        {
            LogTemplate(recipient, message.Notice!, templateId);
            try
            {
                return await api.SendTemplateAsync(ZaloMessages.Template(recipient, templateId, message.NoticeParams), cancellationToken).ConfigureAwait(false);
            }
            catch (ZaloApiException templateError)
            {
                throw Refused(recipient, ZaloErrors.Classify(templateError));
            }
        }
        catch (ZaloApiException ex)
        {
            throw Refused(recipient, ZaloErrors.Classify(ex));
        }
    }

    /// <summary>Zalo has no answer to a button tap: a text answer (a refusal, a confirmation) comes as a small message.</summary>
    public async Task AnswerButtonAsync(string callbackId, string? text, bool showAlert, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || callbackId.Split('|')[0] is not { Length: > 0 } user)
        {
            return;
        }

        try
        {
            await api.SendMessageAsync(ZaloMessages.Text(user, text), cancellationToken).ConfigureAwait(false);
        }
        catch (ZaloApiException ex)
        {
            throw ZaloErrors.Classify(ex);
        }
    }

    private async Task<string?> SendConsultationAsync(string recipient, OutboundMessage message, CancellationToken ct)
    {
        var text = WithFollowHint(message);
        var photo = await photos.ReadAsync(message, ct).ConfigureAwait(false);
        var photoLost = photo is null && (message.PhotoRef is not null || message.PhotoPath is not null);
        if (photoLost)
        {
            text = string.IsNullOrEmpty(text) ? "[📷]" : text;
        }

        if (photo is null && string.IsNullOrWhiteSpace(text))
        {
            if (message.EditMessageId is { } edited)
            {
                return edited; // an edit of buttons only: Zalo cannot change a sent message, and a bare new one would say nothing
            }

            throw new DeliveryException(DeliveryFailure.Permanent, "The message has neither text nor a photo.");
        }

        string? lastId = null;
        if (photo is not null)
        {
            var attachment = await api.UploadImageAsync(photo.Content, photo.FileName, photo.ContentType, ct).ConfigureAwait(false);
            lastId = await api.SendMessageAsync(ZaloMessages.Image(recipient, attachment), ct).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return lastId;
        }

        var parts = TextSplitter.Split(text, MaxTextLength);
        var buttons = Buttons(message).Chunk(MaxButtonsPerMessage).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            var body = last && buttons.Count > 0
                ? ZaloMessages.WithButtons(recipient, parts[i], buttons[0])
                : ZaloMessages.Text(recipient, parts[i]);
            lastId = await api.SendMessageAsync(body, ct).ConfigureAwait(false);
        }

        // More buttons than one Zalo message carries: the rest follow, each set under a short continuation line.
        foreach (var more in buttons.Skip(1))
        {
            lastId = await api.SendMessageAsync(ZaloMessages.WithButtons(recipient, "…", more), ct).ConfigureAwait(false);
        }

        return lastId;
    }

    /// <summary>Inline buttons; without any, the main menu's labels as buttons that send the label itself.</summary>
    private static IEnumerable<(string Title, string Payload)> Buttons(OutboundMessage message)
    {
        var inline = message.Buttons.SelectMany(row => row).ToList();
        if (inline.Count > 0)
        {
            return inline.Select(b => (ZaloButtonPayload.Title(b.Label), ZaloButtonPayload.Of(b)));
        }

        return message.Keyboard == KeyboardKind.MainMenu
            ? message.KeyboardLabels.Select(label => (ZaloButtonPayload.Title(label), label))
            : [];
    }

    /// <summary>
    /// The receipt of a report (a case's own message that closes the dialogue with the main menu) says why following the
    /// OA matters: Zalo lets us answer freely only for a while after the person's last message.
    /// </summary>
    private static string WithFollowHint(OutboundMessage message) =>
        message is { Keyboard: KeyboardKind.MainMenu, Text.Length: > 0 } && CaseTag.TryParse(message.Tag, out _) && CaseTag.CardOfficial(message.Tag) is null
            ? $"{message.Text}\n\n{Texts.Get(Texts.Normalize(message.Language), "Zalo.FollowHint")}"
            : message.Text;

    private string? TemplateFor(OutboundMessage message) =>
        message.Notice is { } notice && options.Value.Templates.TryGetValue(notice, out var id) && !string.IsNullOrWhiteSpace(id) ? id : null;

    private DeliveryException Refused(string recipient, DeliveryException delivery)
    {
        LogRefused(recipient, delivery.Kind, delivery.Message);
        return delivery;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo user {Recipient} is outside the window; notice {Notice} goes as template {TemplateId}")]
    private partial void LogTemplate(string recipient, string notice, string templateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo refused a message to {Recipient}: {Failure} ({Error})")]
    private partial void LogRefused(string recipient, DeliveryFailure failure, string error);
}
