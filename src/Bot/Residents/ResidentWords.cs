using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Resources;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Categories;

namespace ResidentBot.Bot.Residents;

/// <summary>How cases, categories and times are put in plain words for residents.</summary>
internal static class ResidentWords
{
    public static string Category(string language, Category category) =>
        language == Texts.English ? category.NameEn : category.NameVi;

    public static string State(string language, CaseStatus status) => Texts.Get(language, $"Resident.State.{status}");

    /// <summary>Deadline line of a case: both deadlines while awaiting acknowledgement, the resolve one after.</summary>
    public static string Deadline(string language, Case @case, TimeZoneInfo zone) => @case.Status switch
    {
        _ when @case.Status.AwaitsAcknowledgement() && @case is { AcknowledgeDueAt: { } ack, ResolveDueAt: { } due } =>
            Texts.Format(language, "Resident.Status.Due", TimeText.Local(ack, zone), TimeText.Local(due, zone)),
        _ when @case.Status.IsOpen() && @case.ResolveDueAt is { } due =>
            Texts.Format(language, "Resident.Status.DueResolve", TimeText.Local(due, zone)),
        CaseStatus.Resolved => Texts.Get(language, "Resident.Status.AwaitingYou"),
        CaseStatus.WaitingForResident => Texts.Format(language, "Resident.Status.Waiting", @case.ResidentQuestion),
        _ => Texts.Get(language, "Resident.Status.Finished"),
    };
}
