using ResidentBot.Bot.Notifications;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Resources;
using ResidentBot.Persistence;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>The case card an official acts on: everything needed to handle the case, and the buttons its status allows.</summary>
internal sealed class CaseCardRenderer(ResidentBotDbContext db, CurrentRouting routing, ButtonCodec codec)
{
    public async Task<string> TextAsync(Case @case, string language, int photoCount, CancellationToken cancellationToken)
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
            @case.AccountableOfficialId is { } official ? engine.Directory.OfficialsById.GetValueOrDefault(official)?.Title : null);
    }

    /// <summary>Buttons for what the status allows; none once the case has left the official's hands.</summary>
    public IReadOnlyList<IReadOnlyList<OutboundButton>> Buttons(Case @case, string language, string recipientUserId)
    {
        if (!@case.Status.IsOpen())
        {
            return [];
        }

        var id = @case.Id.ToString(CultureInfo.InvariantCulture);
        OutboundButton B(string key, string action) => codec.Button(Texts.Get(language, key), action, id, recipientUserId);
        var first = new List<OutboundButton>();
        if (@case.Status.AwaitsAcknowledgement())
        {
            first.Add(B("Official.Button.Acknowledge", OfficialActions.Acknowledge));
        }

        first.Add(B("Official.Button.Reply", OfficialActions.Reply));
        first.Add(B("Official.Button.Resolve", OfficialActions.Resolve));
        return
        [
            first,
            [B("Official.Button.Transfer", OfficialActions.Transfer), B("Official.Button.Reject", OfficialActions.Reject)],
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
