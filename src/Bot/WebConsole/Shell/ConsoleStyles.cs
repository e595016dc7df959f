namespace ResidentBot.Bot.WebConsole.Shell;

/// <summary>The console's one stylesheet, embedded in the assembly so a published host serves it from anywhere.</summary>
internal static class ConsoleStyles
{
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(ConsoleStyles).Assembly.GetManifestResourceStream("console.css")
            ?? throw new InvalidOperationException("console.css is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve(HttpResponse response)
    {
        response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Css.Value, "text/css; charset=utf-8");
    }
}
