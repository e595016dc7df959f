using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Outbox;

namespace ResidentBot.Bot.Tests.Outbox;

/// <summary>
/// The pacer's limiters (System.Threading.RateLimiting) run on the monotonic clock, so rates are measured in real
/// time, waiting exactly as long as the pacer says; the 429 pause runs on TimeProvider and is tested on fake time.
/// </summary>
public sealed class DeliveryPacerTests
{
    [Fact]
    public async Task A_channel_budget_is_a_small_burst_then_even_spending_never_over_the_limit_in_any_second()
    {
        using var pacer = new DeliveryPacer(TimeProvider.System, perSecond: 30, perChatInterval: TimeSpan.Zero);

        // A sixth of the rate at once, then one send every 1.03 / 30 s.
        Assert.All(Enumerable.Range(0, 5), i => Assert.True(pacer.TryTake($"c{i}", out _)));
        Assert.False(pacer.TryTake("c5", out var next));
        Assert.All(Enumerable.Range(0, 5), i => pacer.Answered($"c{i}"));
        Assert.InRange((next - DateTimeOffset.UtcNow).TotalMilliseconds, 0, 40);

        // Until 45 have gone: more than 30 shows the window lets sends go again once they are a window old. Counted, not
        // timed: a loaded machine wakes late and sends fewer a second (the rate itself is the delivery benchmark's).
        var clock = Stopwatch.StartNew();
        var sent = Enumerable.Repeat(TimeSpan.Zero, 5).ToList();
        for (var i = 0; sent.Count < 45; i++)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"only {sent.Count} sends in 30 s");
            if (pacer.TryTake($"x{i}", out var retryAt))
            {
                sent.Add(clock.Elapsed);
                pacer.Answered($"x{i}"); // as the channel answers a send
            }
            else
            {
                await Task.Delay(Max(retryAt - DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1))); // as the sender waits for a paced message
            }
        }

        Assert.All(sent, at => Assert.True(sent.Count(other => other >= at && other - at < TimeSpan.FromSeconds(1)) <= 30));
    }

    [Fact]
    public async Task A_send_not_yet_answered_holds_its_place_in_the_second_and_the_second_counts_from_its_answer()
    {
        using var pacer = new DeliveryPacer(TimeProvider.System, perSecond: 3, perChatInterval: TimeSpan.Zero);
        foreach (var chat in new[] { "a", "b", "c" })
        {
            await TakeAsync(pacer, chat);
        }

        // Three on their way: a fourth waits however long they take, well past the even spending's next slot.
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        Assert.False(pacer.TryTake("d", out _));

        var answered = Stopwatch.StartNew();
        pacer.Answered("a");
        await TakeAsync(pacer, "d");
        Assert.True(answered.Elapsed >= TimeSpan.FromSeconds(1), $"a fourth send {answered.Elapsed} after the first's answer");
    }

    [Fact]
    public async Task A_turn_that_stops_early_gives_back_the_slots_it_did_not_use()
    {
        using var pacer = new DeliveryPacer(TimeProvider.System, perSecond: 3, perChatInterval: TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            await TakeAsync(pacer, "one chat"); // a turn of three messages whose first is to be retried later
        }

        Assert.False(pacer.TryTake("other chat", out _));
        pacer.Answered("one chat");
        pacer.Finished("one chat");

        // Within a few windows, not never (a slot not given back would hold the channel for good).
        var waiting = Task.Run(() => TakeAsync(pacer, "other chat"));
        Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public async Task One_chat_waits_a_gap_and_a_margin_while_other_chats_go()
    {
        using var pacer = new DeliveryPacer(TimeProvider.System, perSecond: 30, perChatInterval: TimeSpan.FromSeconds(1));
        var start = DateTimeOffset.UtcNow;

        Assert.True(pacer.TryTake("a", out _));
        Assert.False(pacer.TryTake("a", out var again));
        Assert.True(pacer.TryTake("b", out _));

        // Not before the gap and its margin, and not a whole extra gap after it.
        Assert.InRange((again - start).TotalMilliseconds, 1000, 1200);
        var clock = Stopwatch.StartNew();
        while (!pacer.TryTake("a", out var retryAt))
        {
            await Task.Delay(Max(retryAt - DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1))); // as the sender waits for a paced message
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"{clock.Elapsed} is inside the chat's gap");
    }

    [Fact]
    public void A_429_pauses_the_whole_channel_until_its_retry_after()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        using var pacer = new DeliveryPacer(time, perSecond: 30, perChatInterval: TimeSpan.Zero);

        pacer.Pause(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(pacer.TryTake("other chat", out var retryAt));
        Assert.Equal(time.GetUtcNow().AddSeconds(3), retryAt);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(pacer.TryTake("other chat", out _));
    }

    [Fact]
    public void A_channel_without_limits_lets_everything_go()
    {
        var (perSecond, perChat) = ChannelPacing.For(ChannelNames.WebChat, null);
        using var pacer = new DeliveryPacer(TimeProvider.System, perSecond, perChat);

        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(pacer.TryTake("one conversation", out _)));
    }

    [Fact]
    public void Configured_values_override_a_channel_default_one_by_one()
    {
        Assert.Equal((30, TimeSpan.FromSeconds(1)), ChannelPacing.For(ChannelNames.Telegram, null));
        Assert.Equal((1000, TimeSpan.FromSeconds(1)), ChannelPacing.For(ChannelNames.Telegram, new ChannelPacing { MessagesPerSecond = 1000 }));
        Assert.Equal((60, TimeSpan.Zero), ChannelPacing.For(ChannelNames.Zalo, null));
        Assert.Equal((10, TimeSpan.FromSeconds(1)), ChannelPacing.For("unknown", null));
    }

    private static async Task TakeAsync(DeliveryPacer pacer, string chat)
    {
        while (!pacer.TryTake(chat, out var retryAt))
        {
            await Task.Delay(Max(retryAt - DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1)));
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
