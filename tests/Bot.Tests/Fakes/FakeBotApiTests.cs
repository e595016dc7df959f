using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;

namespace ResidentBot.Bot.Tests.Fakes;

public sealed class FakeBotApiTests
{
    [Fact]
    public async Task Fake_with_rate_limits_answers_a_second_message_to_the_same_chat_within_a_second_with_429()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.EnforceRateLimits = true;
        var sender = new TelegramSender(api.CreateClient(), Options.Create(new TelegramOptions()), NoAttachments.Instance, NullLogger<TelegramSender>.Instance);

        await sender.SendAsync("1", new OutboundMessage { Text = "một" }, CancellationToken.None);
        await sender.SendAsync("2", new OutboundMessage { Text = "khác chat" }, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<DeliveryException>(() => sender.SendAsync("1", new OutboundMessage { Text = "hai" }, CancellationToken.None));

        Assert.Equal((DeliveryFailure.RateLimited, TimeSpan.FromSeconds(1)), (ex.Kind, ex.RetryAfter));
    }

    [Fact]
    public async Task Fake_refuses_getUpdates_while_a_webhook_is_set_like_telegram()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        await Telegram.Bot.TelegramBotClientExtensions.SetWebhook(client, "https://example.vn/telegram/webhook");

        var ex = await Assert.ThrowsAsync<Telegram.Bot.Exceptions.ApiRequestException>(() =>
            Telegram.Bot.TelegramBotClientExtensions.GetUpdates(client));

        Assert.Equal(409, ex.ErrorCode);
    }
}
