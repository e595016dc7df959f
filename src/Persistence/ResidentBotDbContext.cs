using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Persistence.Attachments;
using ResidentBot.Persistence.Cases;
using ResidentBot.Persistence.Conversations;
using ResidentBot.Persistence.Inbox;
using ResidentBot.Persistence.Officials;
using ResidentBot.Persistence.Outbox;
using ResidentBot.Persistence.PostgreSql;
using ResidentBot.Persistence.Secrets;
using ResidentBot.Persistence.Sqlite;
using ResidentBot.Persistence.WebChat;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Calendar;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Residents;

namespace ResidentBot.Persistence;

/// <summary>
/// The application database: the directory, residents, cases with their append-only log, and the
/// inbox/outbox that make channel traffic safe to redeliver and retry.
/// </summary>
public sealed class ResidentBotDbContext(DbContextOptions<ResidentBotDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>
    /// ASP.NET Core's data-protection key ring (sign-in cookies, antiforgery tokens), kept with the rest of the truth so
    /// a restart, a new container or a second host reads the same keys.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Area> Areas => Set<Area>();

    public DbSet<Official> Officials => Set<Official>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<CalendarSettings> CalendarSettings => Set<CalendarSettings>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<ResidentIdentity> ResidentIdentities => Set<ResidentIdentity>();

    public DbSet<Case> Cases => Set<Case>();

    /// <summary>Append-only: rows are inserted with their case and never updated or deleted.</summary>
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    /// <summary>Residents following a case they did not report (issue 15: duplicates and followers).</summary>
    public DbSet<CaseFollower> CaseFollowers => Set<CaseFollower>();

    public DbSet<InboxEntry> InboxEntries => Set<InboxEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<TrackingSequence> TrackingSequences => Set<TrackingSequence>();

    public DbSet<ConversationState> ConversationStates => Set<ConversationState>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<OfficialInvite> OfficialInvites => Set<OfficialInvite>();

    public DbSet<WebChatConversation> WebChatConversations => Set<WebChatConversation>();

    /// <summary>Each web conversation's activity log; its sequence number is the Direct Line watermark.</summary>
    public DbSet<WebChatActivity> WebChatActivities => Set<WebChatActivity>();

    public DbSet<WebChatUpload> WebChatUploads => Set<WebChatUpload>();

    /// <summary>Officials' accounts on each channel (<see cref="Official.Identities"/>).</summary>
    public DbSet<OfficialIdentity> OfficialIdentities => Set<OfficialIdentity>();

    /// <summary>Photos stored once, whatever channel they came through (<c>attachment:&lt;id&gt;</c>).</summary>
    public DbSet<StoredAttachment> StoredAttachments => Set<StoredAttachment>();

    public DbSet<AttachmentCopy> AttachmentCopies => Set<AttachmentCopy>();

    /// <summary>The bytes of stored photos when they are kept in the database (<c>Attachments:Store</c> = <c>Database</c>).</summary>
    public DbSet<StoredAttachmentContent> AttachmentContents => Set<StoredAttachmentContent>();

    /// <summary>Open311 clients' API keys (hashes only).</summary>
    public DbSet<Open311.Open311Key> Open311Keys => Set<Open311.Open311Key>();

    /// <summary>What an Open311 client sent with each of its cases.</summary>
    public DbSet<Open311.Open311Request> Open311Requests => Set<Open311.Open311Request>();
    /// <summary>Work one host at a time does when several hosts share the database.</summary>
    public DbSet<Cluster.ClusterLease> ClusterLeases => Set<Cluster.ClusterLease>();
    /// <summary>One-time sign-in links into the web console (hashes only).</summary>
    public DbSet<WebConsole.ConsoleSignIn> ConsoleSignIns => Set<WebConsole.ConsoleSignIn>();
    /// <summary>Signed-in browsers of the web console (key hashes only), checked on every request, revocable.</summary>
    public DbSet<WebConsole.ConsoleSession> ConsoleSessions => Set<WebConsole.ConsoleSession>();
    /// <summary>Officials' Telegram chats whose command menu shows /web.</summary>
    public DbSet<WebConsole.TelegramWebMenu> TelegramWebMenus => Set<WebConsole.TelegramWebMenu>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Strings keep the database readable by people and stable when enum members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);

        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcUnixMillisecondsConverter>();
        }
        else if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResidentBotDbContext).Assembly);
    }
}
