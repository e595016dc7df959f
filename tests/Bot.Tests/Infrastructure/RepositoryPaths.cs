namespace ResidentBot.Bot.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder with ResidentBot.sln), found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string SampleDirectory => Path.Combine(Root, "directory", "hai-duong.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResidentBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResidentBot.sln not found above " + AppContext.BaseDirectory);
    }
}
