namespace ResidentBot.Bot.Hosting;

/// <summary>
/// Finds the folder that holds the one appsettings.json a user edits (the repository root), so the host
/// behaves the same when started from the root, from src/Bot, or from a published folder.
/// </summary>
internal static class ContentRootLocator
{
    public static string Find(string startDirectory, string fallback)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }

        return fallback;
    }
}
