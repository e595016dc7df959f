using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;
using ResidentBot.Bot.Resources;
using ResidentBot.Bot.Tests.Chase;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.Conversations.Choices;

public sealed class NumberedProgressRequestTests
{
    private const string Channel = "plaintext";

    [Fact]
    public async Task An_overdue_cases_progress_request_on_a_channel_without_buttons_or_replies_says_to_type_the_number()
    {
        var channel = new RecordingChannel(Channel, RecordingChannel.PlainText);
        await using var host = new ChaseHost(await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Chase:RunServer"] = "false" }, new FakeTimeProvider(ChaseHost.Monday),
            services: s => s.AddSingleton<IChannelSender>(channel)));
        await ChoiceChannels.BindOfficialAsync(host.Host, "HD.TPHD.TRANPHU.CT", Channel, "off-9");
        var id = await host.ReportAsync();
        await using (var db = host.Host.NewDbContext())
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == id);
            @case.Acknowledge(Actor.Official(@case.AccountableOfficialId!.Value), host.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var overdue = await host.CaseAsync(id);
        host.Time.SetUtcNow(overdue.ResolveDueAt!.Value + TimeSpan.FromDays(7));
        await host.SweepAsync();

        var request = Assert.Single(await host.OutboxAsync(), m => m.Tag == $"progress:{id}");
        Assert.Equal(Channel, request.Channel);
        var text = OutboxWriter.Read(request).Text;
        Assert.StartsWith(Texts.Format(Texts.Vietnamese, "Chase.Progress.Request.Typed", overdue.TrackingCode), text, StringComparison.Ordinal);
        Assert.Contains("1. 📝 Báo cáo tiến độ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("trả lời thẳng", text, StringComparison.Ordinal);
    }
}
