using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResidentBot.Bot.Chase.Jobs;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Open311;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;
using Bed = ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

/// <summary>
/// A FixMyStreet instance's round trip: it posts a report, the ward leader handles it in Telegram, and the client
/// follows it through <c>requests/{id}</c> and <c>servicerequestupdates</c> until it is closed.
/// </summary>
public sealed class FixMyStreetFlowTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 08:00 in Hải Dương

    [Fact]
    public async Task A_client_follows_its_report_from_the_officials_reply_to_the_result_and_the_close_with_nothing_sent_to_a_chat()
    {
        var time = new FakeTimeProvider(Monday);
        await using var bed = await Bed.StartAsync(new Dictionary<string, string?> { ["Chase:RunServer"] = "false" }, time);
        var code = await bed.FileAsync();
        var (messageId, card) = await bed.CardAsync(code, Bed.TranPhuLeader);

        Assert.Equal("open", (await PollAsync(bed, code)).GetProperty("status").GetString());
        await bed.PressAsync(Bed.TranPhuLeader, Data(card, "o.ack"), messageId);
        Assert.Equal("open", (await PollAsync(bed, code)).GetProperty("status").GetString());
        time.Advance(TimeSpan.FromMinutes(30));
        await bed.SendAsync(FakeUpdates.Update(0, "message", FakeUpdates.Message(Bed.TranPhuLeader, 900, m =>
        {
            m["text"] = "Chiều nay đội điện lực sẽ thay bóng.";
            m["reply_to_message"] = FakeUpdates.Message(FakeBotApi.BotId, messageId, r => r["text"] = "card");
        })));
        time.Advance(TimeSpan.FromHours(3));
        await bed.PressAsync(Bed.TranPhuLeader, Data(card, "o.res"), messageId);
        await bed.SendAsync(FakeUpdates.Text(Bed.TranPhuLeader, "Đã thay bóng đèn mới, đèn sáng bình thường."));

        var request = await PollAsync(bed, code);
        Assert.Equal("closed", request.GetProperty("status").GetString());
        var notes = request.GetProperty("status_notes").GetString()!;
        Assert.Contains($"{Bed.TranPhuLeaderTitle} trả lời: Chiều nay đội điện lực sẽ thay bóng.", notes, StringComparison.Ordinal);
        Assert.Contains($"{Bed.TranPhuLeaderTitle} đã xử lý xong: Đã thay bóng đèn mới, đèn sáng bình thường.", notes, StringComparison.Ordinal);
        Assert.Equal("2026-03-02T11:30:00+07:00", request.GetProperty("updated_datetime").GetString());

        var since = Uri.EscapeDataString("2026-03-02T00:00:00+07:00");
        var (status, body) = await bed.GetAsync($"servicerequestupdates.json?api_key={Uri.EscapeDataString(bed.Key)}&start_date={since}");
        Assert.Equal(200, status);
        var updates = Bed.Json(body).EnumerateArray().ToList();
        Assert.All(updates, u => Assert.Equal(
            ["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"], u.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["in_progress", "in_progress", "fixed"], updates.Select(u => u.GetProperty("status").GetString()));
        Assert.All(updates, u => Assert.Equal(code, u.GetProperty("service_request_id").GetString()));
        Assert.Equal(3, updates.Select(u => u.GetProperty("update_id").GetString()).Distinct().Count());
        Assert.Equal(["2026-03-02T08:00:00+07:00", "2026-03-02T08:30:00+07:00", "2026-03-02T11:30:00+07:00"],
            updates.Select(u => u.GetProperty("updated_datetime").GetString()));
        Assert.Equal($"{Bed.TranPhuLeaderTitle} đã tiếp nhận phản ánh.", updates[0].GetProperty("description").GetString());

        // The confirmation window of a resolved case runs as for a resident who never answers: it closes by itself.
        await using (var db = bed.Host.NewDbContext())
        {
            var resolved = await db.Cases.SingleAsync(c => c.TrackingCode == code);
            Assert.Equal(CaseStatus.Resolved, resolved.Status);
            time.SetUtcNow(resolved.NextChaseAt!.Value);
        }

        using (var scope = bed.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChaseSweepJob>().RunAsync(CancellationToken.None);
        }

        var (_, xml) = await bed.GetAsync($"servicerequestupdates.xml?api_key={Uri.EscapeDataString(bed.Key)}&start_date={since}");
        var root = Bed.Xml(xml);
        Assert.Equal("service_requests_updates", root.Name.LocalName);
        Assert.Equal(["in_progress", "in_progress", "fixed", "closed"], root.Elements("request_update").Select(u => u.Element("status")!.Value));

        await using (var db = bed.Host.NewDbContext())
        {
            var @case = await db.Cases.SingleAsync(c => c.TrackingCode == code);
            Assert.Equal(CaseStatus.Closed, @case.Status);
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ResidentId == @case.ResidentId || m.Channel == ClientIdentity.Channel));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Status == Persistence.Outbox.OutboxStatus.Waiting));
        }

        Assert.DoesNotContain(bed.Warnings, w => w.Contains("ResidentBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_officials_question_to_a_client_reporter_is_in_status_notes_and_unanswered_it_closes_the_case_on_schedule()
    {
        var time = new FakeTimeProvider(Monday);
        await using var bed = await Bed.StartAsync(new Dictionary<string, string?>
        {
            ["Chase:RunServer"] = "false", ["Cases:WaitingReminderAfter"] = "1.00:00:00", ["Cases:WaitingCloseAfter"] = "2.00:00:00",
        }, time);
        var code = await bed.FileAsync();
        var (messageId, card) = await bed.CardAsync(code, Bed.TranPhuLeader);

        await bed.PressAsync(Bed.TranPhuLeader, Data(card, "o.ask"), messageId);
        await bed.SendAsync(FakeUpdates.Text(Bed.TranPhuLeader, "Đèn hỏng ở cột số mấy?"));

        var waiting = await PollAsync(bed, code);
        Assert.Equal("open", waiting.GetProperty("status").GetString());
        Assert.Equal($"{Bed.TranPhuLeaderTitle} đề nghị bổ sung thông tin: Đèn hỏng ở cột số mấy?", waiting.GetProperty("status_notes").GetString());
        for (var step = 0; step < 2; step++)
        {
            await using (var db = bed.Host.NewDbContext())
            {
                time.SetUtcNow((await db.Cases.SingleAsync(c => c.TrackingCode == code)).NextChaseAt!.Value);
            }

            using var scope = bed.Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ChaseSweepJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal("closed", (await PollAsync(bed, code)).GetProperty("status").GetString());
        await using (var db = bed.Host.NewDbContext())
        {
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.TrackingCode == code);
            Assert.Equal(CaseStatus.Closed, @case.Status);
            Assert.Contains(@case.Events, e => e.Kind == CaseEventKind.ResidentReminded);
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ResidentId == @case.ResidentId));
        }

        Assert.DoesNotContain(bed.Warnings, w => w.Contains("ResidentBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Updates_need_the_key_show_only_its_own_requests_and_keep_to_ninety_days()
    {
        await using var bed = await Bed.StartAsync();
        var own = await bed.FileAsync();
        var otherKey = await Bed.NewKeyAsync(bed.Host, "city-app");
        var (noKey, _) = await bed.GetAsync("servicerequestupdates.json");
        var (tooLong, error) = await bed.GetAsync(
            $"servicerequestupdates.json?api_key={Uri.EscapeDataString(bed.Key)}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
        var (mine, _) = await bed.CardAsync(own, Bed.TranPhuLeader);
        var (_, cardCall) = await bed.CardAsync(own, Bed.TranPhuLeader);
        await bed.PressAsync(Bed.TranPhuLeader, Data(cardCall, "o.ack"), mine);

        var (_, ownBody) = await bed.GetAsync($"servicerequestupdates.json?api_key={Uri.EscapeDataString(bed.Key)}");
        var (_, otherBody) = await bed.GetAsync($"servicerequestupdates.json?api_key={Uri.EscapeDataString(otherKey)}");

        Assert.Equal(403, noKey);
        Assert.Equal(400, tooLong);
        Assert.Contains("90", Bed.Json(error)[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(own, Assert.Single(Bed.Json(ownBody).EnumerateArray().ToList()).GetProperty("service_request_id").GetString());
        Assert.Equal(0, Bed.Json(otherBody).GetArrayLength());
    }

    /// <summary>What a client does after each step: reads its request again (each step above waits until the bot handled it).</summary>
    private static async Task<System.Text.Json.JsonElement> PollAsync(Bed bed, string code)
    {
        var (status, body) = await bed.GetAsync($"requests/{code}.json?api_key={Uri.EscapeDataString(bed.Key)}");
        Assert.Equal(200, status);
        return Bed.Json(body)[0].Clone();
    }
}
