namespace ResidentBot.Bot.Outbox;

/// <summary>The channels this host sends (<see cref="ChannelLeases"/>): taken at start, renewed, given up at stop.</summary>
internal sealed partial class OutboxSender
{
    // Past the pacer's window (1.03 s): the next holder's first sends do not fall inside this host's last second.
    private static readonly TimeSpan HandOverPause = TimeSpan.FromSeconds(1.1);

    /// <summary>
    /// Takes or renews the channels' leases. A channel this host starts to send has every waiting message made due: their
    /// backoffs were measured against an outage this host knows nothing of, and the channel decides again.
    /// </summary>
    private async Task RefreshLeasesAsync(CancellationToken cancellationToken)
    {
        var gained = await leases.RefreshAsync(byChannel.Keys, cancellationToken);
        if (gained.Count == 0)
        {
            return;
        }

        LogChannelsTaken(string.Join(", ", gained));
        if (await queue.ReleaseAllAsync(gained, cancellationToken) is > 0 and var released)
        {
            LogReleasedOnTaking(released);
        }

        signal.Notify();
    }

    // Real time, like the leases themselves (they expire on the database's clock).
    private async Task RenewLeasesAsync(CancellationToken stoppingToken)
    {
        while (!leases.AllForGood && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ChannelLeases.RenewEvery, TimeProvider.System, stoppingToken);
                await RefreshLeasesAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
    }

    private async Task ReleaseLeasesAsync()
    {
        if (leases.AllForGood || !byChannel.Keys.Any(leases.Holds))
        {
            return;
        }

        try
        {
            await Task.Delay(HandOverPause, TimeProvider.System);
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(byChannel.Keys, bounded.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The leases expire by themselves; another host waits a few seconds longer.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This host now sends the outbox of {Channels}")]
    private partial void LogChannelsTaken(string channels);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Released} outbox messages waiting for a retry are tried again now that this host sends their channel")]
    private partial void LogReleasedOnTaking(int released);
}
