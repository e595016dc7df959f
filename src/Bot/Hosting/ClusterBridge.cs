using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Persistence.Cluster;
using ResidentBot.Persistence.DirectoryImport;

namespace ResidentBot.Bot.Hosting;

/// <summary>
/// What one host's in-process signals mean to the other hosts on the database (PostgreSQL; nothing on SQLite): new
/// outbox messages wake the host that sends their channel; a web chat activity wakes the sockets of its conversation
/// wherever they are open; a directory import drops every host's cached directory. The inbox needs no bridge: the host
/// that took a webhook handles it, and the others take over a dead host's claims at their next poll.
/// </summary>
internal sealed class ClusterBridge(ClusterSignals signals, OutboxSignal outbox, WebChatHub webChat, DirectorySnapshotLoader directory) : BackgroundService
{
    private const string Outbox = "outbox";
    private const string WebChat = "webchat";
    private const string Directory = "directory";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!signals.Enabled)
        {
            return Task.CompletedTask;
        }

        outbox.Rung += () => signals.Publish(Outbox);
        webChat.Rung += conversation => signals.Publish(WebChat, conversation);
        directory.Invalidated += () => signals.Publish(Directory);
        signals.On(Outbox, _ => outbox.NotifyHere());
        signals.On(WebChat, conversation =>
        {
            // Empty: heard after (re)connecting, when any conversation may have grown; its sockets also poll.
            if (conversation.Length > 0)
            {
                webChat.NotifyHere(conversation);
            }
        });
        signals.On(Directory, _ => directory.InvalidateHere());
        return Task.WhenAll(signals.ListenLoopAsync(stoppingToken), signals.PublishLoopAsync(stoppingToken));
    }
}
