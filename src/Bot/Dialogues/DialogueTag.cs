using System.Globalization;

namespace ResidentBot.Bot.Dialogues;

/// <summary>Tags kept with messages about a dialogue (<c>dialogue:3</c>) or one of its questions (<c>dialogue-question:12</c>).</summary>
internal static class DialogueTag
{
    public static string For(int dialogueId) => string.Create(CultureInfo.InvariantCulture, $"dialogue:{dialogueId}");

    public static string Question(long questionId) => string.Create(CultureInfo.InvariantCulture, $"dialogue-question:{questionId}");

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static bool TryId(string argument, out int id) =>
        int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    public static bool TryLongId(string argument, out long id) =>
        long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
