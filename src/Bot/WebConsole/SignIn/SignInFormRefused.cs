using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using ResidentBot.Bot.WebConsole.Shell;

namespace ResidentBot.Bot.WebConsole.SignIn;

/// <summary>
/// The sign-in form posted with a token that does not validate — its cookie lost, the page made under a key this host
/// does not hold, or no page at all (a client posting after the GET answered 410) — is still refused, but with words:
/// Blazor's own answer is a 400 with an empty body, which reads as a broken server. The link is left as it was (unused
/// if it was), so opening it again gives a fresh form.
/// </summary>
internal static partial class SignInFormRefused
{
    /// <summary>Goes after <c>UseAntiforgery</c>, which records its verdict on the request before the page runs.</summary>
    public static IApplicationBuilder UseSignInFormRefused(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(ConsoleLinks.PagePath, StringComparison.OrdinalIgnoreCase)
            && http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } failed)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInFormRefused));
            LogRefused(logger, failed.Error?.Message);
            await WriteAsync(http);
            return;
        }

        await next(http);
    });

    private static async Task WriteAsync(HttpContext http)
    {
        var text = http.RequestServices.GetRequiredService<ConsoleText>();
        var html = http.RequestServices.GetRequiredService<HtmlEncoder>(); // the console's, which leaves Vietnamese letters readable
        var again = http.Request.Path.Value + http.Request.QueryString.Value;
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{text.Language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(text["Console.SignIn.Title"])}</title><link rel="stylesheet" href="/console/console.css"></head>
            <body><main><section class="narrow">
            <h1>{html.Encode(text["Console.SignIn.Title"])}</h1>
            <p role="alert">{html.Encode(text["Console.SignIn.FormExpired"])}</p>
            <p><a href="{html.Encode(again)}">{html.Encode(text["Console.SignIn.OpenAgain"])}</a></p>
            <p>{html.Encode(text["Console.SignIn.HowTo"])}</p>
            </section></main></body>
            </html>
            """, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Console sign-in form refused: its antiforgery token did not validate ({Reason})")]
    private static partial void LogRefused(ILogger logger, string? reason);
}
