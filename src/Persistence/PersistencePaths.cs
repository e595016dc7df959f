namespace ResidentBot.Persistence;

/// <summary>The folder relative paths in configuration are resolved against (the host's content root).</summary>
public sealed record PersistencePaths(string BaseDirectory)
{
    public string Resolve(string path) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(BaseDirectory, path));
}
