using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Channels.WebChat;
using ResidentBot.Bot.Channels.Zalo;
using ResidentBot.Bot.Channels.ZaloBot;
using ResidentBot.Bot.Chase;
using ResidentBot.Bot.Chase.Dashboard;
using ResidentBot.Bot.Conversations;
using ResidentBot.Bot.Dialogues;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Notifications;
using ResidentBot.Bot.Open311;
using ResidentBot.Bot.Officials;
using ResidentBot.Bot.Public;
using ResidentBot.Bot.Residents;
using ResidentBot.Bot.WebConsole;
using ResidentBot.Persistence;
using ResidentBot.Routing;

if (await CliVerbs.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = ContentRootLocator.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
    });

    builder.Services
        .AddKnownProxies()
        .AddPersistence(builder.Configuration, builder.Environment.ContentRootPath)
        .AddResidentRouting()
        .AddConversations()
        .AddNotifications()
        .AddResidentFeatures()
        .AddOfficialFeatures()
        .AddTelegramChannel(builder.Configuration)
        .AddWebChatChannel(builder.Configuration)
        .AddZaloChannel(builder.Configuration)
        .AddZaloBotChannel(builder.Configuration)
        .AddChase(builder.Configuration)
        .AddDialogues()
        .AddOpen311()
        .AddPublicResults(builder.Configuration)
        .AddWebConsole(builder.Environment);

    var app = builder.Build();

    app.UseKnownProxies();
    app.MapHealthEndpoints();
    app.MapTelegramWebhook();
    app.MapWebChat();
    app.MapZaloWebhook();
    app.MapZaloBotWebhook();
    app.MapChaseDashboard();
    app.MapOpen311();
    app.MapPublicResults();
    app.MapWebConsole();
    app.LogStartupSummary();

    await app.CheckStartupAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.IsReportable(ex))
{
    return StartupFailure.Report(ex, Console.Error);
}

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
