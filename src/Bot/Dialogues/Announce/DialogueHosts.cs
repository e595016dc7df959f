using Microsoft.Extensions.Options;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Routing.Dialogues;

namespace ResidentBot.Bot.Dialogues.Announce;

/// <summary>
/// Who may announce a dialogue: an official holding a leader post now (for the area of that post), or an administrator
/// (Admin:Identities, any channel) for a leader named by code.
/// </summary>
internal sealed partial class DialogueHosts(
    AnnouncePrompts prompts, DialogueRules rules, IOptionsSnapshot<AdminOptions> admins, ILogger<DialogueHosts> logger)
{
    public bool IsAdmin(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Official is not null && admins.Value.IsAdmin(turn.Message.Channel, turn.Message.UserId);
    }

    public async Task<bool> IsLeaderAsync(Turn turn, CancellationToken cancellationToken) =>
        turn.Official is { } official && DialogueQuota.LeaderPosts((await rules.GetAsync(cancellationToken)).Engine.Directory, official.Id, turn.Now).Count > 0;

    /// <summary>Starts the announcement for the sender (a leader), or for the leader <paramref name="leaderCode"/> (an administrator).</summary>
    public async Task StartAsync(Turn turn, string? leaderCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var directory = (await rules.GetAsync(cancellationToken)).Engine.Directory;
        var leaderId = turn.Official?.Id;
        if (leaderCode is not null)
        {
            if (!IsAdmin(turn))
            {
                LogRefused(turn.Message.UserId);
                turn.Reply(turn.T("Dialogue.Announce.NotAdmin"));
                return;
            }

            leaderId = directory.Officials.FirstOrDefault(o => string.Equals(o.Code, leaderCode, StringComparison.OrdinalIgnoreCase))?.Id;
        }

        var posts = leaderId is { } id ? DialogueQuota.LeaderPosts(directory, id, turn.Now) : [];
        if (posts.Count == 0)
        {
            turn.Reply(leaderCode is null ? turn.T("Dialogue.Announce.NotLeader") : turn.T("Dialogue.Announce.UnknownLeader", leaderCode));
            return;
        }

        var draft = new AnnounceDraft { LeaderOfficialId = posts[0].OfficialId, LeaderAreaId = posts[0].AreaId };
        turn.StartFlow(AnnounceSteps.Flow, AnnounceSteps.Topic, draft);
        await prompts.ContinueAsync(turn, draft, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to announce a dialogue for another leader: user {UserId} is not an administrator")]
    private partial void LogRefused(string userId);
}
