using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Conversations.Groups;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Conversations;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Bot.Conversations;

/// <summary>
/// Routes one inbound message to the handler that owns it: a verified button press, a command, the chat's
/// active flow, other input handlers, and help for everything else; a group chat only gets a pointer to a private
/// chat. Unknown input never throws.
/// </summary>
internal sealed partial class TurnDispatcher(
    ResidentBotDbContext db,
    OutboxWriter outbox,
    ButtonCodec buttons,
    IEnumerable<ICommandHandler> commands,
    IEnumerable<IButtonHandler> buttonHandlers,
    IEnumerable<IFlowHandler> flows,
    IEnumerable<IInputHandler> inputs,
    IEnumerable<IChannelSender> senders,
    ChannelCatalog catalog,
    TypedChoices choices,
    GroupChatGuide groups,
    People.WaitingMessages waiting,
    TimeProvider time,
    ILogger<TurnDispatcher> logger)
{
    public const string CancelCommand = "cancel";

    /// <summary>Handles the message; returns work to run after the caller has saved (answering a button press).</summary>
    public async Task<Func<CancellationToken, Task>> DispatchAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ChatKind == ChatKind.Group)
        {
            // Before BeginTurnAsync, which would record the sender as a resident and the group's dialogue.
            var answer = groups.Answer(message);
            return message.Kind == InboundKind.ButtonPress && message.CallbackId is { } pressed
                ? ct => AnswerButtonAsync(message.Channel, pressed, answer, ct)
                : _ => Task.CompletedTask;
        }

        // Where there are no buttons, a typed number picks from the chat's newest list and is then handled as that press.
        var typed = await choices.ReadAsync(db, message, cancellationToken);
        var turn = await BeginTurnAsync(typed?.Press ?? message, cancellationToken);
        if (typed is { Press: null })
        {
            typed.Answer(turn);
        }
        else
        {
            await RouteAsync(turn, cancellationToken);
        }

        if (typed is { Press: not null } && turn.ButtonAnswer.Text is { Length: > 0 } said)
        {
            // No button to answer: what the press would have shown on it is said in the chat.
            turn.Reply(said);
        }

        return message.Kind == InboundKind.ButtonPress && message.CallbackId is { } callbackId
            ? ct => AnswerButtonAsync(message.Channel, callbackId, turn.ButtonAnswer, ct)
            : _ => Task.CompletedTask;
    }

    private async Task RouteAsync(Turn turn, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        switch (message.Kind)
        {
            case InboundKind.ButtonPress:
                await PressAsync(turn, cancellationToken);
                return;
            case InboundKind.Command when message.Command == CancelCommand:
                turn.EndFlow();
                turn.Reply(turn.T("Common.Cancelled"), KeyboardKind.MainMenu);
                return;
            case InboundKind.Command:
                var command = commands.FirstOrDefault(c => c.Commands.Contains(message.Command ?? string.Empty));
                if (command is not null)
                {
                    await command.HandleAsync(turn, cancellationToken);
                    return;
                }

                break;
            case InboundKind.Unsupported:
                turn.Reply(turn.T("Common.Unsupported"));
                return;
            default:
                var flow = flows.FirstOrDefault(f => f.Flow == turn.Conversation.Flow);
                if (flow is not null)
                {
                    await flow.HandleAsync(turn, cancellationToken);
                    return;
                }

                foreach (var input in inputs)
                {
                    if (await input.TryHandleAsync(turn, cancellationToken))
                    {
                        return;
                    }
                }

                break;
        }

        turn.Reply(Start.HelpText.For(turn), KeyboardKind.MainMenu);
    }

    private async Task PressAsync(Turn turn, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        if (!buttons.TryDecode(message.CallbackData, message.UserId, out var action, out var argument)
            || buttonHandlers.FirstOrDefault(h => h.Actions.Contains(action)) is not { } handler)
        {
            LogRefusedPress(message.Channel, UntrustedText.ForLog(message.UserId), UntrustedText.ForLog(message.CallbackData));
            turn.ButtonAnswer = (turn.T("Button.Refused"), true);
            return;
        }

        await handler.HandleAsync(turn, action, argument, cancellationToken);
    }

    private async Task<Turn> BeginTurnAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var resident = await TurnQueries.ResidentWithIdentities.For(db)(db, message.Channel, message.UserId);
        if (resident is null)
        {
            resident = new Resident
            {
                DisplayName = message.UserDisplayName,
                Language = Texts.Normalize(message.LanguageCode),
                CreatedAt = now,
                Identities = [new ResidentIdentity { Channel = message.Channel, ExternalId = message.UserId }],
            };
            db.Residents.Add(resident);
        }

        // Every interaction says the channel reaches this person now, and through which chat.
        var identity = resident.Identities.First(i => i.Channel == message.Channel && i.ExternalId == message.UserId);
        identity.ChatId = message.ChatId == message.UserId ? null : message.ChatId;
        Routing.Identities.Reachability.Interacted(identity, now, resident.Identities);

        var conversation = await TurnQueries.Conversation.For(db)(db, message.Channel, message.ChatId);
        if (conversation is null)
        {
            conversation = new ConversationState { Channel = message.Channel, ChatId = message.ChatId, UpdatedAt = now };
            db.ConversationStates.Add(conversation);
        }

        var official = await FindOfficialAsync(message, now, cancellationToken);
        var turn = new Turn(message, resident, official, conversation, db, outbox, now, catalog.For(message));
        await waiting.DeliverAsync(turn, cancellationToken);
        return turn;
    }

    /// <summary>The official bound to the sender's account on this channel, if any; the account is known to reach them now.</summary>
    private async Task<Official?> FindOfficialAsync(InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var identity = await TurnQueries.OfficialIdentity.For(db)(db, message.Channel, message.UserId);
        if (identity is null)
        {
            return null;
        }

        identity.ChatId = message.ChatId;
        Routing.Identities.Reachability.Interacted(identity, now);
        return await TurnQueries.Official.For(db)(db, identity.OfficialId);
    }

    private async Task AnswerButtonAsync(string channel, string callbackId, (string? Text, bool Alert) answer, CancellationToken cancellationToken)
    {
        var sender = senders.FirstOrDefault(s => s.Channel == channel);
        if (sender is null)
        {
            return;
        }

        try
        {
            await sender.AnswerButtonAsync(callbackId, answer.Text, answer.Alert, cancellationToken);
        }
        catch (Exception ex) when (ex is DeliveryException or HttpRequestException)
        {
            // The answer only stops the client's spinner; the press itself has been handled and saved.
            LogAnswerFailed(ex, callbackId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a button press on {Channel} from user {UserId} with data {Data}")]
    private partial void LogRefusedPress(string channel, string userId, string data);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer button press {CallbackId}")]
    private partial void LogAnswerFailed(Exception ex, string callbackId);
}
