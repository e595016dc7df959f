using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using ResidentBot.Persistence;
using ResidentBot.Persistence.WebChat;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Channels.WebChat;

/// <summary>
/// The first-run demo at <c>/demo</c>: a newcomer is a resident on one side and, on the other, any official or
/// supervisor of the directory, whose web conversation is bound to that official (<see cref="OfficialIdentity"/>).
/// On in Development; elsewhere only with WebChat:Demo and WebChat:AllowDemoOutsideDevelopment both set, because
/// anyone who opens it can act as any official.
/// </summary>
internal static partial class WebChatDemo
{
    public static bool IsOn(IHostEnvironment environment, WebChatOptions options) =>
        environment.IsDevelopment() || (options.Demo && options.AllowDemoOutsideDevelopment);

    /// <summary>
    /// Refuses a configuration that asks for the demo outside Development without saying so on purpose: a Staging or
    /// Production host would hand every visitor every official's account.
    /// </summary>
    public static void Guard(IHostEnvironment environment, WebChatOptions options)
    {
        if (options.Demo && !environment.IsDevelopment() && !options.AllowDemoOutsideDevelopment)
        {
            throw new InvalidOperationException(
                $"WebChat:Demo=true in the {environment.EnvironmentName} environment lets any visitor act as any official. "
                + "Remove it, or set WebChat:AllowDemoOutsideDevelopment=true on purpose.");
        }
    }

    public static void Map(WebApplication app, IFileProvider files)
    {
        LogDemoOn(app.Logger, app.Environment.EnvironmentName);
        app.MapGet("/demo", (HttpResponse response, WebChatOrigins origins) => WebChatPageEndpoints.Page(files, "demo.html", response, origins)).ExcludeFromDescription();
        app.MapGet("/webchat/demo/officials", ListAsync).ExcludeFromDescription();
        app.MapPost("/webchat/demo/officials/{officialId:int}/token", SignInAsync)
            .RequireRateLimiting(WebChatRateLimits.Tokens).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(ResidentBotDbContext db, CancellationToken ct)
    {
        var officials = await db.Officials.AsNoTracking().OrderBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Title, o.FullName }).ToListAsync(ct);
        return Results.Ok(officials);
    }

    /// <summary>One web conversation per official, reused on every sign-in so their case cards stay together.</summary>
    private static async Task<IResult> SignInAsync(HttpRequest request, int officialId, ResidentBotDbContext db, WebChatLog log,
        WebChatTokens tokens, TimeProvider time, CancellationToken ct)
    {
        if (!WebChatOrigins.IsSameOrigin(request))
        {
            return DirectLineErrors.Forbidden("BadArgument", "Only the demo page may sign in.");
        }

        if (!await db.Officials.AnyAsync(o => o.Id == officialId, ct))
        {
            return Results.NotFound();
        }

        var identity = await db.OfficialIdentities
            .FirstOrDefaultAsync(i => i.OfficialId == officialId && i.Channel == ChannelNames.WebChat, ct);
        if (identity is null)
        {
            var (conversationId, userId) = DirectLineConversationEndpoints.NewConversation();
            identity = new OfficialIdentity
            {
                OfficialId = officialId,
                Channel = ChannelNames.WebChat,
                ExternalId = userId,
                ChatId = conversationId,
                CreatedAt = time.GetUtcNow(),
            };
            db.OfficialIdentities.Add(identity);
            await db.SaveChangesAsync(ct);
        }

        await log.EnsureAsync(identity.ChatId, identity.ExternalId, ct);
        return Results.Ok(DirectLineConversationEndpoints.TokenResponse(identity.ChatId, tokens.Issue(identity.ChatId, identity.ExternalId), tokens));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WEB CHAT DEMO IS ON (environment {Environment}): anyone who opens /demo can act as any official. Never in production.")]
    private static partial void LogDemoOn(ILogger logger, string environment);
}
