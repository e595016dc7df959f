using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels.Telegram;

namespace ResidentBot.Bot.Tests.Channels.Telegram;

public sealed class TelegramOptionsTests
{
    private static TelegramOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"Telegram:{s.Key}", s.Value)))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddTelegramChannel(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<TelegramOptions>>().Value;
    }

    [Fact]
    public void Malformed_token_fails_validation_with_a_message_that_says_what_a_token_looks_like()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(("BotToken", "not-a-token")));

        Assert.Contains("Telegram:BotToken does not look like a bot token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Well_formed_token_gets_the_defaults()
    {
        var options = Resolve(("BotToken", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"));

        Assert.Equal((25, 10 * 1024 * 1024, false), (options.PollingTimeoutSeconds, options.MaxPhotoBytes, options.IsWebhookMode));
    }

    [Fact]
    public void Secret_with_characters_telegram_refuses_fails_validation()
    {
        Assert.Throws<OptionsValidationException>(() =>
            Resolve(("BotToken", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"), ("WebhookUrl", "https://bot.example.vn/telegram/webhook"), ("SecretToken", "has spaces!")));
    }
}
