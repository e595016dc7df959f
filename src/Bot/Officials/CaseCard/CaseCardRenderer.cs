using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Chase.Schedule;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Conversations.Choices;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>The case card an official acts on: everything needed to handle the case now, and the buttons valid now.</summary>
internal sealed class CaseCardRenderer(ResidentBotDbContext db, CurrentRouting routing, ButtonCodec codec, ChannelCatalog channels, ChaseRules rules)
{
    // Rows of the card's buttons; each shows only while the lifecycle allows its action.
    private static readonly (CaseAction Action, string Label, string Data)[][] Layout =
    [
        [
            (CaseAction.Acknowledge, "Official.Button.Acknowledge", OfficialActions.Acknowledge),
            (CaseAction.Reply, "Official.Button.Reply", OfficialActions.Reply),
            (CaseAction.Resolve, "Official.Button.Resolve", OfficialActions.Resolve),
        ],
        [
            (CaseAction.AskResident, "Official.Button.AskResident", OfficialActions.AskResident),
            (CaseAction.Transfer, "Official.Button.Transfer", OfficialActions.Transfer),
            (CaseAction.Reject, "Official.Button.Reject", OfficialActions.Reject),
        ],
        [
            (CaseAction.MarkDuplicate, "Official.Button.MarkDuplicate", OfficialActions.MarkDuplicate),
        ],
    ];

    /// <summary>The card of the accountable official, saying how to answer where the channel allows it.</summary>
    public async Task<string> TextAsync(Case @case, string language, string channel, int photoCount, CancellationToken cancellationToken)
    {
        var engine = await routing.GetAsync(cancellationToken);
        var category = engine.Directory.CategoriesById.GetValueOrDefault(@case.CategoryId);
        var area = engine.Directory.AreasById.GetValueOrDefault(@case.AreaId);
        var zone = engine.Calendar.TimeZone;
        return Texts.Format(language, "Official.Card",
            @case.TrackingCode,
            category is null ? string.Empty : language == Texts.English ? category.NameEn : category.NameVi,
            area?.Name,
            Place(@case, language),
            @case.Description,
            photoCount,
            TimeText.Local(@case.AcknowledgeDueAt, zone),
            TimeText.Local(@case.ResolveDueAt, zone),
            await ReporterAsync(@case, language, cancellationToken),
            RoutingReasonText.For(language, @case),
            Texts.Get(language, $"Official.Status.{@case.Status}"),
            @case.AccountableOfficialId is { } official ? engine.Directory.OfficialsById.GetValueOrDefault(official)?.Title : null,
            CaseLifecycle.IsAllowed(CaseAction.Reply, @case.Status) ? "\n\n" + HowToReply(language, channel) : string.Empty)
            + await PauseAsync(@case, language, zone, cancellationToken)
            + await FollowersAsync(@case, language, cancellationToken);
    }

    /// <summary>Other residents behind the case (many followers = urgent), and the case a duplicate was merged into.</summary>
    private async Task<string> FollowersAsync(Case @case, string language, CancellationToken cancellationToken)
    {
        // Followers added in this unit of work (a duplicate merged a moment ago) count before they are saved.
        var followers = await db.CaseFollowers.CountAsync(f => f.CaseId == @case.Id, cancellationToken)
            + db.ChangeTracker.Entries<CaseFollower>().Count(e => e.State == EntityState.Added && e.Entity.CaseId == @case.Id);
        var text = followers > 0 ? Texts.Format(language, "Official.Card.Followers", followers) : string.Empty;
        if (@case.DuplicateOfId is { } of)
        {
            var code = await db.Cases.AsNoTracking().Where(c => c.Id == of).Select(c => c.TrackingCode).FirstOrDefaultAsync(cancellationToken);
            text += Texts.Format(language, "Official.Card.DuplicateOf", code);
        }

        return text;
    }

    /// <summary>The wait for the resident, when there is or was one: what was asked, when it closes, how long the case was paused.</summary>
    private async Task<string> PauseAsync(Case @case, string language, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var text = string.Empty;
        if (@case.Status == CaseStatus.WaitingForResident && @case.PausedAt is { } asked)
        {
            var waiting = (await rules.GetAsync(cancellationToken)).Policy(@case).Waiting;
            text += Texts.Format(language, "Official.Card.Waiting", TimeText.Local(asked, zone), @case.ResidentQuestion, TimeText.Local(waiting.CloseAt(@case), zone));
        }

        return @case.PausedFor > TimeSpan.Zero ? text + Texts.Format(language, "Official.Card.Paused", TimeText.Duration(language, @case.PausedFor)) : text;
    }

    /// <summary>A former official's card: where the case went; nothing left to do on it.</summary>
    public async Task<string> MovedTextAsync(Case @case, string language, CancellationToken cancellationToken)
    {
        var directory = (await routing.GetAsync(cancellationToken)).Directory;
        var official = @case.AccountableOfficialId is { } id ? directory.OfficialsById.GetValueOrDefault(id)?.Title : null;
        return Texts.Format(language, "Official.Card.Moved", @case.TrackingCode, official, directory.AreasById.GetValueOrDefault(@case.AreaId)?.Name,
            @case.Description);
    }

    /// <summary>
    /// Where there is no reply on a message (web chat), the official presses the reply button and writes; where there
    /// are no buttons either, types the reply choice's number.
    /// </summary>
    public string HowToReply(string language, string channel) =>
        Texts.Get(language, channels.For(channel).HowToAnswer("Official.Card.HowToReply"));

    /// <summary>Buttons for what the lifecycle allows now; none once the case has left the official's hands.</summary>
    public IReadOnlyList<IReadOnlyList<OutboundButton>> Buttons(Case @case, string language, string recipientUserId)
    {
        var id = @case.Id.ToString(CultureInfo.InvariantCulture);
        return
        [
            .. Layout
                .Select(row => row.Where(b => CaseLifecycle.IsAllowed(b.Action, @case.Status))
                    .Select(b => codec.Button(Texts.Get(language, b.Label), b.Data, id, recipientUserId)).ToList())
                .Where(row => row.Count > 0),
        ];
    }

    public async Task<IReadOnlyList<CaseAttachment>> PhotosAsync(Case @case, CancellationToken cancellationToken) =>
        @case.Attachments.Count > 0
            ? @case.Attachments
            : await db.CaseAttachments.Where(a => a.CaseId == @case.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    private static string Place(Case @case, string language)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(@case.AddressText))
        {
            parts.Add(@case.AddressText);
        }

        if (@case.Latitude is { } lat && @case.Longitude is { } lon)
        {
            parts.Add(Texts.Format(language, "Official.Card.Point",
                lat.ToString("0.######", CultureInfo.InvariantCulture), lon.ToString("0.######", CultureInfo.InvariantCulture)));
        }

        return parts.Count == 0 ? Texts.Get(language, "Official.Card.NoPlace") : string.Join("\n", parts);
    }

    private async Task<string> ReporterAsync(Case @case, string language, CancellationToken cancellationToken)
    {
        if (@case.AnonymousToOfficials)
        {
            return Texts.Get(language, "Official.Card.Anonymous");
        }

        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == @case.ResidentId)
            .Select(r => new { r.DisplayName, r.Phone }).FirstOrDefaultAsync(cancellationToken);
        var name = string.IsNullOrWhiteSpace(resident?.DisplayName) ? Texts.Get(language, "Official.Card.NoName") : resident.DisplayName;
        return string.IsNullOrWhiteSpace(resident?.Phone) ? name : $"{name} · {resident.Phone}";
    }
}
