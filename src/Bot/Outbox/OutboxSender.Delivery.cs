using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Outbox;

/// <summary>One chat's turn: its messages in order, each attempt's outcome saved, the channel's health told.</summary>
internal sealed partial class OutboxSender
{
    /// <summary>Delivers a chat's messages in order; stops at one to retry later (false), so none overtakes it.</summary>
    private async Task<bool> DeliverChatAsync(List<OutboxMessage> messages, WorkSignal slotFreed, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var message in messages)
            {
                // A host whose channel lease runs out (another host may take it) stops; the rest waits for the holder.
                if (!leases.Holds(message.Channel) || !await DeliverAsync(message, cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            // Before the sender wakes: the channel's slots this turn took but did not use must be free when it looks.
            pacers[messages[0].Channel].Finished(messages[0].Recipient);
            slotFreed.Notify();
        }
    }

    /// <summary>Tries one message and saves the outcome; false when it is to be retried later.</summary>
    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var channel = health[message.Channel];
        var chat = $"{message.Channel}:{message.Recipient}";
        message.Attempts++;
        IReadOnlyList<long> release = [];
        string? unreachable = null;
        try
        {
            var externalId = await byChannel[message.Channel].SendAsync(message.Recipient, OutboxWriter.Read(message), cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentAt = time.GetUtcNow();
            message.ExternalMessageId = externalId;
            message.LastError = null;
            release = channel.Answered();
        }
        catch (DeliveryException ex) when (ex.Kind == DeliveryFailure.RateLimited)
        {
            var wait = ex.RetryAfter ?? TimeSpan.FromSeconds(1);
            pacers[message.Channel].Pause(wait);
            Retry(message, wait, ex.Message);
            release = channel.Answered();
        }
        catch (DeliveryException ex) when (ex.Kind == DeliveryFailure.Unreachable)
        {
            // The channel answered: it is the person it cannot reach. The message waits for their next interaction.
            message.Status = OutboxStatus.Waiting;
            message.LastError = Bounded(ex.Message);
            unreachable = ex.Message;
            LogUnreachable(message.Id, message.Channel, message.Recipient, ex.Message);
            release = channel.Answered();
        }
        catch (DeliveryException ex) when (ex.Kind == DeliveryFailure.Permanent)
        {
            message.Status = OutboxStatus.Failed;
            message.LastError = Bounded(ex.Message);
            LogPermanentFailure(message.Id, message.Channel, message.Recipient, ex.Message);
            release = channel.Answered();
        }
        catch (Exception ex) when (ex is DeliveryException or HttpRequestException or TimeoutException or TaskCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.Attempts), options.Value.MaxBackoff.TotalSeconds));
            Retry(message, backoff, ex.Message);
            channel.Failed(message.Id, chat);
        }
        catch
        {
            channel.Abandoned(message.Id);
            throw;
        }
        finally
        {
            pacers[message.Channel].Answered(message.Recipient);
        }

        await outcomes.SaveAsync(message);
        if (unreachable is not null)
        {
            // Before the chat's turn ends, so its later messages are waiting (not due) when the queue is read again.
            await lostPeople.MarkAsync(message, unreachable, CancellationToken.None);
        }

        if (release.Count > 0)
        {
            // After the mark above, so the probe that brought the channel back is not released (and sent) again.
            var released = await queue.ReleaseAsync(release, CancellationToken.None);
            LogChannelBack(message.Channel, released);
            signal.Notify();
        }

        // A waiting message stops its chat too: what follows it waits behind it, in order.
        return message.Status is not (OutboxStatus.Pending or OutboxStatus.Waiting);
    }

    private void Retry(OutboxMessage message, TimeSpan wait, string error)
    {
        message.NextAttemptAt = time.GetUtcNow() + wait;
        message.LastError = Bounded(error);
        queue.RetryScheduled();
        LogRetry(message.Id, message.Attempts, wait, error);
    }

    private static string Bounded(string error) => error.Length > 500 ? error[..500] : error;

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox sweep failed; retrying")]
    private partial void LogSweepFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} to {Channel}:{Recipient} refused for good: {Error}")]
    private partial void LogPermanentFailure(long id, string channel, string recipient, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} to {Channel}:{Recipient} waits: the channel cannot reach the person now: {Error}")]
    private partial void LogUnreachable(long id, string channel, string recipient, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {Id} attempt {Attempt} failed; retry in {Wait}: {Error}")]
    private partial void LogRetry(long id, int attempt, TimeSpan wait, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {Channel} answers again; {Released} waiting messages released")]
    private partial void LogChannelBack(string channel, int released);
}
