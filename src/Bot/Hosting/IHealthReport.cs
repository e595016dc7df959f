namespace ResidentBot.Bot.Hosting;

/// <summary>Something /healthz shows: a part of the host (a channel) that can fail while the rest works.</summary>
internal interface IHealthReport
{
    string Name { get; }

    /// <summary>What is wrong now, or null when nothing is.</summary>
    string? Problem { get; }
}
