using Microsoft.Extensions.FileProviders;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// Finds the page's files. The content root is the repository root (where appsettings.json is), not src/Bot, so the
/// default web root does not hold them: a published app has them in wwwroot next to it, a built one in src/Bot/wwwroot.
/// </summary>
internal static class WebChatStaticRoot
{
    private const string Marker = "webchat/app.js";

    public static PhysicalFileProvider Locate(string? configured, IWebHostEnvironment environment)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(Path.GetFullPath(configured, environment.ContentRootPath));
        }

        candidates.Add(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"));
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        foreach (var start in new[] { AppContext.BaseDirectory, environment.ContentRootPath })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, "src", "Bot", "wwwroot"));
            }
        }

        var root = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, Marker)))
            ?? throw new InvalidOperationException($"The web chat page ({Marker}) was not found; set WebChat:StaticRoot. Looked in: {string.Join(", ", candidates.Distinct())}");
        return new PhysicalFileProvider(root);
    }
}
