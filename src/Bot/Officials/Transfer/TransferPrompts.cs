using System.Globalization;
using ResidentBot.Bot.Cases;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Conversations.Buttons;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Officials.Transfer;

/// <summary>The questions of a transfer: which ward (buttons of the district's wards, or typed), which category, why.</summary>
internal sealed class TransferPrompts(CurrentRouting routing, ButtonCodec codec)
{
    private const int PerRow = 2;

    public async Task AskWardAsync(Turn turn, Case @case, IReadOnlyList<Area>? choices, CancellationToken cancellationToken)
    {
        var directory = (await routing.GetAsync(cancellationToken)).Directory;
        var parent = directory.AreasById.GetValueOrDefault(@case.AreaId)?.ParentId;
        var wards = choices ?? [.. directory.Areas.Where(a => a.ParentId == parent && parent is not null).OrderBy(a => a.Name, StringComparer.Ordinal)];
        var buttons = wards.Select(a => codec.Button(a.Name, OfficialActions.TransferWard, Ids(@case.Id, a.Id), turn.Message.UserId))
            .Chunk(PerRow).Select(row => (IReadOnlyList<OutboundButton>)row).ToList();
        turn.Reply(new OutboundMessage { Text = turn.T("Official.Transfer.ChooseWard", @case.TrackingCode), Buttons = buttons });
    }

    public async Task AskCategoryAsync(Turn turn, Case @case, int areaId, CancellationToken cancellationToken)
    {
        var directory = (await routing.GetAsync(cancellationToken)).Directory;
        var area = directory.AreasById[areaId];
        var categories = directory.Categories.OrderBy(c => c.Id == @case.CategoryId ? 0 : 1);
        var buttons = categories.Select(c => codec.Button(
                c.Id == @case.CategoryId ? turn.T("Official.Transfer.KeepCategory", Name(turn, c)) : Name(turn, c),
                OfficialActions.TransferCategory, Ids(@case.Id, c.Id), turn.Message.UserId))
            .Chunk(PerRow).Select(row => (IReadOnlyList<OutboundButton>)row).ToList();
        turn.Reply(new OutboundMessage { Text = turn.T("Official.Transfer.ChooseCategory", @case.TrackingCode, area.Name), Buttons = buttons });
    }

    public async Task AskReasonAsync(Turn turn, Case @case, int areaId, int categoryId, CancellationToken cancellationToken)
    {
        var directory = (await routing.GetAsync(cancellationToken)).Directory;
        turn.Reply(turn.T("Official.Transfer.AskReason", @case.TrackingCode, directory.AreasById[areaId].Name,
            Name(turn, directory.CategoriesById[categoryId])));
    }

    private static string Name(Turn turn, Routing.Categories.Category category) =>
        turn.Language == Resources.Texts.English ? category.NameEn : category.NameVi;

    private static string Ids(long caseId, int otherId) =>
        string.Create(CultureInfo.InvariantCulture, $"{caseId}.{otherId}");
}
