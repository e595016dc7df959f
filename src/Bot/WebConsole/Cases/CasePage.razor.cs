using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Officials.CaseCard;
using ResidentBot.Bot.WebConsole.SignIn;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.WebConsole.Cases;

/// <summary>
/// The case page's state and form handlers. A case that is not the reader's answers 404 (whether it exists is not
/// theirs to learn); an action the bot would refuse is refused with the bot's words and 409.
/// </summary>
public sealed partial class CasePage
{
    /// <summary>Largest photo accepted with a resolve, as the bot's channels accept.</summary>
    public const int MaxPhotoBytes = 10 * 1024 * 1024;

    private CaseDetails? details;
    private CaseActionOutcome? outcome;
    private DateTimeOffset now;
    private IReadOnlyList<Area> wards = [];
    private IReadOnlyList<(int Id, string Name)> categories = [];

    [Parameter] public long Id { get; set; }

    [CascadingParameter] public HttpContext Http { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "reply")] public string? ReplyText { get; set; }

    [SupplyParameterFromForm(FormName = "resolve")] public string? ResolveNote { get; set; }

    [SupplyParameterFromForm(FormName = "transfer")] public int? TransferArea { get; set; }

    [SupplyParameterFromForm(FormName = "transfer")] public int? TransferCategory { get; set; }

    [SupplyParameterFromForm(FormName = "transfer")] public string? TransferReason { get; set; }

    [SupplyParameterFromForm(FormName = "reject")] public string? RejectReason { get; set; }

    private int Me => ConsoleAuthentication.OfficialId(Http.User)!.Value;

    protected override Task OnInitializedAsync()
    {
        postedForm = HttpMethods.IsPost(Http.Request.Method) && Http.Request.HasFormContentType ? Http.Request.Form["_handler"].ToString() : null;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        now = Time.GetUtcNow();
        details = await View.LoadAsync(Me, Id, L.Language, Http.RequestAborted);
        if (details is null)
        {
            // Whether the case exists is not theirs to learn; a form posted at it is refused the same way.
            Navigation.NotFound();
            return;
        }

        var directory = (await Routing.GetAsync(Http.RequestAborted)).Directory;
        wards = [.. directory.Areas.Where(a => a.Level is AreaLevel.Ward or AreaLevel.Commune).OrderBy(a => a.Name, StringComparer.Create(Resources.Texts.Culture(L.Language), false))];
        categories = [.. directory.Categories.Select(c => (c.Id, L.Language == Resources.Texts.English ? c.NameEn : c.NameVi))];
    }

    private string? postedForm;

    private bool Show(CaseAction action, string form) =>
        form == postedForm || (details is { } d && CaseLifecycle.IsAllowed(action, d.Case.Status));

    private Task AcknowledgeAsync() => AfterAsync(Actions.AcknowledgeAsync(Me, L.Language, Id, Http.RequestAborted));

    private Task ReplyAsync() => AfterAsync(Actions.ReplyAsync(Me, L.Language, Id, ReplyText, Http.RequestAborted));

    private Task RejectAsync() => AfterAsync(Actions.RejectAsync(Me, L.Language, Id, RejectReason, Http.RequestAborted));

    private Task TransferAsync() => AfterAsync(Actions.TransferAsync(Me, L.Language, Id, TransferArea ?? 0, TransferCategory ?? 0, TransferReason, Http.RequestAborted));

    private async Task ResolveAsync()
    {
        var file = Http.Request.HasFormContentType ? Http.Request.Form.Files.GetFile("ResolvePhoto") : null;
        UploadedPhoto? photo = null;
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxPhotoBytes)
            {
                Refuse(L.Format("Console.Case.PhotoTooLarge", MaxPhotoBytes / (1024 * 1024)));
                return;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, Http.RequestAborted);
            var bytes = buffer.ToArray();
            if (ImageKind.Sniff(bytes) is not var (extension, contentType))
            {
                Refuse(L["Console.Case.NotAnImage"]);
                return;
            }

            photo = new UploadedPhoto(bytes, extension, contentType, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        await AfterAsync(Actions.ResolveAsync(Me, L.Language, Id, ResolveNote, photo, Http.RequestAborted));
    }

    private void Refuse(string text)
    {
        outcome = CaseActionOutcome.Refused(text);
        Http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }

    private async Task AfterAsync(Task<CaseActionOutcome> action)
    {
        outcome = await action;
        postedForm = null;
        await LoadAsync();
        if (details is not null && !outcome.IsDone)
        {
            Http.Response.StatusCode = outcome.Result == CaseActionResult.Refused ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        }
    }
}
