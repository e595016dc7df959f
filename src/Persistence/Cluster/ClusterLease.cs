namespace ResidentBot.Persistence.Cluster;

/// <summary>
/// A named piece of work that one host at a time does when several hosts share a database (e.g. sending one channel's
/// messages, so the channel's limits hold for the bot as a whole). The holder renews it; past <see cref="ExpiresAt"/>
/// (the database's clock) another host may take it.
/// </summary>
public sealed class ClusterLease
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
