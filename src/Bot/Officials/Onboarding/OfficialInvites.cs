using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Officials;
using ResidentBot.Routing.Identities;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Officials.Onboarding;

/// <summary>
/// One-time codes that bind a chat account to an official. The code is 192 random bits in base64url behind a
/// short prefix (so /start can tell an invite from other deep links); only its SHA-256 is stored.
/// </summary>
internal sealed partial class OfficialInvites(ResidentBotDbContext db, TimeProvider time, IOptions<InviteOptions> options, ILogger<OfficialInvites> logger)
{
    public const string Prefix = "inv_";

    public async Task<CreatedInvite?> CreateAsync(string officialCode, CancellationToken cancellationToken)
    {
        var code = officialCode.Trim();
        var official = await db.Officials.Include(o => o.Identities).FirstOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (official is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(24));
        var invite = new OfficialInvite { OfficialId = official.Id, CodeHash = Hash(secret), CreatedAt = now, ExpiresAt = now + options.Value.ExpiresAfter };
        db.OfficialInvites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(official.Code, invite.Id, invite.ExpiresAt);
        return new CreatedInvite(official, secret, invite.ExpiresAt);
    }

    /// <summary>
    /// Binds the sender's account on <paramref name="channel"/> to the invite's official. <c>Previous</c> is the account
    /// the official had on that channel until now, if another: it loses the binding and must be told.
    /// </summary>
    public async Task<(RedeemOutcome Outcome, Official? Official, OfficialIdentity? Previous)> RedeemAsync(
        string code, string channel, string externalId, string chatId, CancellationToken cancellationToken)
    {
        var hash = Hash(code.Trim());
        var invite = await db.OfficialInvites.FirstOrDefaultAsync(i => i.CodeHash == hash, cancellationToken);
        var now = time.GetUtcNow();
        if (invite is null)
        {
            return (RedeemOutcome.Unknown, null, null);
        }

        if (invite.UsedAt is not null)
        {
            return (RedeemOutcome.Used, null, null);
        }

        if (invite.ExpiresAt <= now)
        {
            return (RedeemOutcome.Expired, null, null);
        }

        var official = await db.Officials.Include(o => o.Identities).SingleAsync(o => o.Id == invite.OfficialId, cancellationToken);
        var holder = await db.Officials.FirstOrDefaultAsync(o => o.Id != official.Id
            && db.OfficialIdentities.Any(i => i.OfficialId == o.Id && i.Channel == channel && i.ExternalId == externalId), cancellationToken);
        if (holder is not null)
        {
            LogAccountTaken(channel, externalId, holder.Code, official.Code);
            return (RedeemOutcome.AccountBoundElsewhere, holder, null);
        }

        var identity = official.Identities.FirstOrDefault(i => i.Channel == channel);
        OfficialIdentity? previous = null;
        if (identity is not null && identity.ExternalId != externalId)
        {
            previous = new OfficialIdentity { Channel = identity.Channel, ExternalId = identity.ExternalId, ChatId = identity.ChatId };
            LogMoved(official.Code, channel, identity.ExternalId, externalId);
            identity.ExternalId = externalId;
            identity.CreatedAt = now;
        }
        else if (identity is null)
        {
            identity = new OfficialIdentity { Channel = channel, ExternalId = externalId, ChatId = chatId, CreatedAt = now };
            official.Identities.Add(identity);
        }

        identity.ChatId = chatId;
        Reachability.Interacted(identity, now);
        invite.UsedAt = now;
        var usedBy = $"{channel}:{externalId}";
        invite.UsedBy = usedBy.Length > 64 ? usedBy[..64] : usedBy;
        LogRedeemed(official.Code, invite.Id, channel, externalId);
        return (RedeemOutcome.Bound, official, previous);
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Invite {InviteId} created for official {OfficialCode}, expires {ExpiresAt}")]
    private partial void LogCreated(string officialCode, long inviteId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invite {InviteId} bound official {OfficialCode} to {Channel} user {UserId}")]
    private partial void LogRedeemed(string officialCode, long inviteId, string channel, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Official {OfficialCode} moved on {Channel} from user {PreviousUserId} to {UserId} by an invite")]
    private partial void LogMoved(string officialCode, string channel, string previousUserId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} user {UserId} is already official {HolderCode}; invite for {OfficialCode} refused")]
    private partial void LogAccountTaken(string channel, string userId, string holderCode, string officialCode);
}

internal sealed record CreatedInvite(Official Official, string Code, DateTimeOffset ExpiresAt);

internal enum RedeemOutcome
{
    Bound,
    Unknown,
    Used,
    Expired,
    AccountBoundElsewhere,
}
