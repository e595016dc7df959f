using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResidentBot.Bot.Attachments;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;
using ResidentBot.Bot.Tests.Fakes;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

/// <summary>A small host wired as Program.cs would wire Telegram, on a random local port, with a recording sink.</summary>
internal sealed class TelegramHost : IAsyncDisposable
{
    private TelegramHost(WebApplication app, RecordingSink sink, Uri address)
    {
        App = app;
        Sink = sink;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public RecordingSink Sink { get; }

    public HttpClient Http { get; }

    public static async Task<TelegramHost> StartAsync(FakeBotApi api, string? webhookUrl, string? secret = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram:WebhookUrl"] = webhookUrl,
            ["Telegram:SecretToken"] = secret,
            ["Telegram:PollingTimeoutSeconds"] = "1",
        });
        var sink = new RecordingSink();
        builder.Services.AddSingleton<IInboundSink>(sink);
        builder.Services.AddSingleton<IAttachmentStore>(NoAttachments.Instance);
        builder.Services.AddTelegramChannel(builder.Configuration);
        var app = builder.Build();
        app.MapTelegramWebhook();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TelegramHost(app, sink, new Uri(address));
    }

    public Task StartupCompleted => App.Services.GetRequiredService<TelegramStartupService>().Completed.WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
