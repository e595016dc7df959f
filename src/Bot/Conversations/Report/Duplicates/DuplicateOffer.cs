using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Residents;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Engine;

namespace ResidentBot.Bot.Conversations.Report.Duplicates;

/// <summary>
/// Before a report becomes a case: an active case of the same category within about 100 m (or in the same ward when
/// the report has no point) is shown, with the choice to follow it or to report anyway (<see cref="DuplicateMatch"/>).
/// </summary>
internal sealed class DuplicateOffer(ButtonCodec codec, IOptions<DuplicateOptions> options)
{
    public const string Step = "duplicate";
    public const string Follow = "r.fol";
    public const string ReportAnyway = "r.new";

    // The rule runs in memory on the few rows a box or a ward can hold.
    private const int Candidates = 50;

    /// <summary>Shows the matching case and moves the report to its choice; returns false when there is none.</summary>
    public async Task<bool> TryOfferAsync(Turn turn, ReportDraft draft, RoutingEngine engine, CancellationToken cancellationToken)
    {
        if (!options.Value.OfferDuplicates)
        {
            return false;
        }

        var category = engine.Directory.CategoriesByCode[draft.CategoryCode!];
        var place = new ReportPlace(category.Id, draft.AreaId!.Value, draft.Latitude, draft.Longitude);
        var candidates = turn.Db.Cases.AsNoTracking()
            .Where(c => c.CategoryId == place.CategoryId && CaseStatuses.Active.Contains(c.Status) && c.DuplicateOfId == null
                && c.ResidentId != turn.Resident.Id);
        if (place is { Latitude: { } lat, Longitude: { } lon })
        {
            var (south, west, north, east) = DuplicateMatch.Around(lat, lon);
            candidates = candidates.Where(c => c.Latitude >= south && c.Latitude <= north && c.Longitude >= west && c.Longitude <= east);
        }
        else
        {
            candidates = candidates.Where(c => c.AreaId == place.AreaId);
        }

        var found = DuplicateMatch.Find(place, await candidates.OrderByDescending(c => c.Id).Take(Candidates).ToListAsync(cancellationToken));
        if (found is null)
        {
            return false;
        }

        var followers = await turn.Db.CaseFollowers.CountAsync(f => f.CaseId == found.Id, cancellationToken);
        var where = place is { Latitude: { } a, Longitude: { } b } && found is { Latitude: { } c, Longitude: { } d }
            ? turn.T("Resident.Duplicate.Near", Math.Round(DuplicateMatch.DistanceMeters(a, b, c, d)))
            : turn.T("Resident.Duplicate.SameWard", ReportPrompts.PlaceName(engine, found.AreaId));
        draft.OfferedDuplicateId = found.Id;
        turn.MoveTo(Step, draft);
        var id = found.Id.ToString(CultureInfo.InvariantCulture);
        turn.Reply(new OutboundMessage
        {
            Text = turn.T("Resident.Duplicate.Offer", where, found.TrackingCode, ResidentWords.Category(turn.Language, category),
                found.Description.Length > 200 ? found.Description[..200] + "…" : found.Description,
                ResidentWords.State(turn.Language, found.Status), followers),
            Buttons =
            [
                [codec.Button(turn.T("Resident.Duplicate.Follow"), Follow, id, turn.Message.UserId)],
                [codec.Button(turn.T("Resident.Duplicate.ReportAnyway"), ReportAnyway, string.Empty, turn.Message.UserId)],
            ],
        });
        return true;
    }
}
