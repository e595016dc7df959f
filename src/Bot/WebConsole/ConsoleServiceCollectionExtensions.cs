using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using ResidentBot.Bot.Chase.Dashboard;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.WebConsole.Board;
using ResidentBot.Bot.WebConsole.Cases;
using ResidentBot.Bot.WebConsole.Queue;
using ResidentBot.Bot.WebConsole.Shell;
using ResidentBot.Bot.WebConsole.SignIn;

namespace ResidentBot.Bot.WebConsole;

internal static class ConsoleServiceCollectionExtensions
{
    /// <summary>The web console: sign-in through the bot (/web), its session, and its pages (static server rendering).</summary>
    public static IServiceCollection AddWebConsole(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddConsoleLinks();
        services.AddScoped<ConsoleRoles>();
        services.AddScoped<ConsoleSessions>();
        services.AddScoped<ICommandHandler, WebCommand>();
        if (services.Any(s => s.ServiceType == typeof(global::Telegram.Bot.ITelegramBotClient)))
        {
            // /web in officials' Telegram menus; AddTelegramChannel (before this in Program.cs) registers the client only when Telegram is on.
            services.AddHostedService<Channels.Telegram.TelegramWebMenus>();
        }

        services.AddConsoleAuthentication(environment.IsDevelopment());
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<ConsoleText>();
        services.AddScoped<ConsoleWrites>();
        services.AddScoped<QueueRows>();
        services.AddScoped<CaseView>();
        services.AddScoped<CaseActions>();
        services.AddScoped<BoardData>();
        services.AddHybridCache();
        services.AddSingleton<BoardScorecards>();
        services.AddScoped<Admin.DirectoryUpload>();
        services.AddScoped<Admin.Deliveries.DeliveryHealth>();
        services.AddScoped<Admin.Deliveries.DeliveryRetry>();
        services.AddScoped<Admin.Invites.InviteDesk>();
        services.AddRazorComponents();
        // Vietnamese letters stay readable in the pages' source (and for tests); what HTML gives meaning to is escaped.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>Sign-in links alone, for the host and for the <c>console-link</c> command-line verb.</summary>
    public static IServiceCollection AddConsoleLinks(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations();
        services.AddScoped<ConsoleLinks>();
        return services;
    }

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/console"), console => console.Use((http, next) =>
        {
            // A third guard beside the SameSite=Strict cookie and the antiforgery token, as for the dashboard.
            if (CrossSiteRequests.IsRefused(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.XFrameOptions = "DENY";
            return next(http);
        }));
        app.UseAntiforgery();
        app.UseSignInFormRefused();
        app.MapGet("/console/console.css", ConsoleStyles.Serve).ExcludeFromDescription();
        app.MapGet("/console/language", (string? to, string? back, HttpResponse response) =>
        {
            response.Cookies.Append(ConsoleText.Cookie, Resources.Texts.Normalize(to),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), Path = "/console" });
            return Results.LocalRedirect(back is { Length: > 0 } && back.StartsWith("/console", StringComparison.Ordinal) && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/console");
        }).ExcludeFromDescription();
        app.MapPost("/console/signout", async (HttpContext http, IAntiforgery antiforgery, ConsoleWrites writes) =>
        {
            // The page's token was made for the signed-in official: validate it against them, not against the host's
            // default scheme (the dashboard's), which does not know the console's cookie.
            var signedIn = await http.AuthenticateAsync(ConsoleAuthentication.Scheme);
            if (signedIn.Principal is { } principal)
            {
                http.User = principal;
            }

            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            // The session's row is revoked, not only this browser's cookie deleted: a copy of the cookie is worth nothing after.
            if (signedIn.Principal is { } user && ConsoleAuthentication.OfficialId(user) is { } official && ConsoleAuthentication.SessionKey(user) is { } key)
            {
                await writes.RunAsync((services, _, ct) => services.GetRequiredService<ConsoleSessions>().RevokeAsync(official, ConsoleSessions.IdOf(key), ct), http.RequestAborted);
            }

            await http.SignOutAsync(ConsoleAuthentication.Scheme);
            return Results.LocalRedirect(ConsoleLinks.PagePath);
        }).DisableAntiforgery().ExcludeFromDescription(); // validated above, so a missing token is a 400 like the pages'
        app.MapCasePhotos();
        app.MapBoardFiles();
        app.MapSupervisorPhotos();
        app.MapRazorComponents<App>();
        return app;
    }
}
