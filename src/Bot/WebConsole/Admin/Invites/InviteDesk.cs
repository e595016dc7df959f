using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Officials.Onboarding;
using ResidentBot.Bot.WebConsole.Shell;
using ResidentBot.Persistence;

namespace ResidentBot.Bot.WebConsole.Admin.Invites;

/// <summary>
/// Invite links from the console: created by the same <see cref="OfficialInvites"/> as <c>/invite</c> and the
/// <c>invite</c> verb (192 random bits, only the SHA-256 stored), in the write gate's turn; the outstanding ones
/// listed; one revoked by making it expire now — the model has no other state for it, and /start then answers
/// "expired", which tells the holder to ask for a new one.
/// </summary>
internal sealed partial class InviteDesk(
    ResidentBotDbContext db, ConsoleWrites writes, IEnumerable<IChannelEntry> entries, TimeProvider time, ILogger<InviteDesk> logger)
{
    /// <summary>The bot's own rule: no invite while no channel can say where to start (the bot's name is not known yet).</summary>
    public bool CanInvite => entries.Any(e => e.For(OfficialInvites.Prefix) is not null);

    /// <summary>Where the invited official starts, one line per enabled channel.</summary>
    public IReadOnlyList<ChannelEntryPoint> EntryPoints(string code) => [.. entries.Select(e => e.For(code)).OfType<ChannelEntryPoint>()];

    /// <summary>Creates an invite for the official with <paramref name="officialCode"/>; null when the directory has none.</summary>
    public async Task<CreatedInvite?> CreateAsync(string officialCode, int administratorId, CancellationToken cancellationToken)
    {
        var invite = await writes.RunAsync(
            (services, _, token) => services.GetRequiredService<OfficialInvites>().CreateAsync(officialCode, token), cancellationToken);
        if (invite is not null)
        {
            LogCreated(administratorId, invite.Official.Code);
        }

        return invite;
    }

    /// <summary>Ends an outstanding invite; false when it was used, expired or revoked meanwhile (nothing changed).</summary>
    public async Task<bool> RevokeAsync(long inviteId, int administratorId, CancellationToken cancellationToken)
    {
        var revoked = await writes.RunAsync((_, gated, token) =>
        {
            var now = time.GetUtcNow();
            return gated.OfficialInvites.Where(i => i.Id == inviteId && i.UsedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), token);
        }, cancellationToken);
        LogRevoked(administratorId, inviteId, revoked == 1);
        return revoked == 1;
    }

    /// <summary>One page of the invites still usable, soonest to expire first.</summary>
    public async Task<(IReadOnlyList<OutstandingInvite> Rows, int Total)> OutstandingAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = db.OfficialInvites.AsNoTracking().Where(i => i.UsedAt == null && i.ExpiresAt > now);
        var total = await open.CountAsync(cancellationToken);
        var rows = await open.Join(db.Officials, i => i.OfficialId, o => o.Id, (i, o) => new { i.Id, o.Code, o.Title, o.FullName, i.CreatedAt, i.ExpiresAt })
            .OrderBy(x => x.ExpiresAt).ThenBy(x => x.Id).Skip(page * pageSize).Take(pageSize)
            .Select(x => new OutstandingInvite(x.Id, x.Code, x.Title, x.FullName, x.CreatedAt, x.ExpiresAt))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {AdministratorId} created an invite for {OfficialCode} in the console")]
    private partial void LogCreated(int administratorId, string officialCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {AdministratorId} revoked invite {InviteId}: {Revoked}")]
    private partial void LogRevoked(int administratorId, long inviteId, bool revoked);
}

internal sealed record OutstandingInvite(long Id, string OfficialCode, string Title, string FullName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
