using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Hosting;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Persistence;
using ResidentBot.Persistence.Outbox;

namespace ResidentBot.Bot.Tests.Outbox;

public sealed class OutboxSecretsTests
{
    private const string Secret = "inv_S3cr3t-c0de_abcdefghijklmnopqrst";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_secret_is_kept_until_the_channel_has_it_or_refuses_it_for_good_and_not_after(bool refused)
    {
        await using var host = await BotTestHost.StartAsync();
        if (refused)
        {
            host.Api.FailNextTo("7001", 1, FakeFailure.ChatNotFound());
        }

        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(ChannelNames.Telegram, "7001",
                new OutboundMessage { Text = $"Liên kết: https://t.me/bot?start={Secret}\nhết hạn sau 72 giờ", Secrets = [Secret], Tag = "invite" });
            await scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>().SaveChangesAsync();
        }

        host.Services.GetRequiredService<OutboxSignal>().Notify();
        var row = await host.WaitForAsync((db, ct) => db.OutboxMessages.AsNoTracking().SingleAsync(ct), r => r.Status != OutboxStatus.Pending);

        Assert.Equal(refused ? OutboxStatus.Failed : OutboxStatus.Sent, row.Status);
        Assert.Contains(Secret, host.Api.CallsTo("sendMessage").Single().String("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, row.Payload, StringComparison.Ordinal);
        var kept = OutboxWriter.Read(row);
        Assert.Equal($"Liên kết: https://t.me/bot?start={OutboxSecrets.Placeholder}\nhết hạn sau 72 giờ", kept.Text);
        Assert.Empty(kept.Secrets);
        Assert.Equal("invite", row.Tag);
    }
}
