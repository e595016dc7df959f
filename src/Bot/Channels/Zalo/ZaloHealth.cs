using ResidentBot.Bot.Hosting;

namespace ResidentBot.Bot.Channels.Zalo;

/// <summary>Whether the OA's tokens work, for /healthz: a failed refresh stops every message to Zalo until it is fixed.</summary>
internal sealed class ZaloHealth : IHealthReport
{
    private volatile string? problem;

    public string Name => ChannelNames.Zalo;

    public string? Problem => problem;

    public void Refreshed() => problem = null;

    public void RefreshFailed(string reason, DateTimeOffset at) => problem = $"token refresh failed at {at:u}: {reason}";
}
