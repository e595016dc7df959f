using System.Text.Json;
using ResidentBot.Bot.Tests.Channels.WebChat;
using ResidentBot.Bot.Tests.Officials;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>The console in headless Chromium (tests/WebChat.Client/console.js), signed in with a link the bot sent on Telegram.</summary>
[Collection(RealClients.Name)]
public sealed class ConsoleBrowserTests
{
    [Fact]
    public async Task An_official_signs_in_from_the_bot_acknowledges_and_replies_and_the_resident_hears_it_on_telegram()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await ConsoleBrowserHost.StartAsync();
        await host.BindTelegramAsync(OfficialsHarness.TranPhuLeaderCode, OfficialsHarness.TranPhuLeader);
        var id = await OfficialsHarness.CreateCaseOnAsync(host.Services);
        string code;
        await using (var db = host.NewDbContext())
        {
            code = db.Cases.Single(c => c.Id == id).TrackingCode;
        }

        var link = await host.AskLinkAsync(OfficialsHarness.TranPhuLeader);
        const string reply = "Chiều nay đội điện lực đến thay bóng đèn.";
        var screenshot = Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOT") ?? string.Empty;

        var run = await RunAsync("official", host, link, code, reply, screenshot);

        await host.MessageToAsync(OfficialsHarness.Resident, reply);
        await host.MessageToAsync(OfficialsHarness.Resident, "Chủ tịch UBND phường Trần Phú");
        await using var check = host.NewDbContext();
        Assert.Equal(CaseStatus.Acknowledged, check.Cases.Single(c => c.Id == id).Status);
        Assert.Equal("/console", run.GetProperty("afterSignIn").GetString());
    }

    [Fact]
    public async Task A_supervisor_extends_an_escalated_deadline_from_the_board_and_the_resident_is_told_why()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await ConsoleBrowserHost.StartAsync();
        await host.BindTelegramAsync(OfficialsHarness.CitySupervisorCode, OfficialsHarness.CitySupervisor);
        var id = await OfficialsHarness.CreateCaseOnAsync(host.Services, at: DateTimeOffset.UtcNow.AddDays(-20));
        string code;
        DateTimeOffset? due;
        await using (var db = host.NewDbContext())
        {
            await ConsoleBrowserless.EscalateToAsync(db, id, OfficialsHarness.CitySupervisorCode);
            (code, due) = db.Cases.Where(c => c.Id == id).Select(c => new { c.TrackingCode, c.ResolveDueAt }).AsEnumerable().Select(c => (c.TrackingCode, c.ResolveDueAt)).Single();
        }

        var link = await host.AskLinkAsync(OfficialsHarness.CitySupervisor);
        const string reason = "Chờ công ty điện lực cấp vật tư";

        await RunAsync("supervisor", host, link, code, reason);

        await host.MessageToAsync(OfficialsHarness.Resident, reason);
        await using var check = host.NewDbContext();
        var @case = check.Cases.Single(c => c.Id == id);
        Assert.True(@case.ResolveDueAt > DateTimeOffset.UtcNow && @case.ResolveDueAt > due);
        Assert.Contains(check.CaseEvents.Where(e => e.CaseId == id).AsEnumerable(), e => e.Kind == CaseEventKind.DeadlineExtended && e.Note!.StartsWith(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_uploads_a_malformed_directory_sees_file_line_and_field_and_nothing_changes()
    {
        await NodeTools.EnsureBrowserAsync();
        await using var host = await ConsoleBrowserHost.StartAsync(new Dictionary<string, string?> { ["Admin:Identities:0"] = $"telegram:{OfficialsHarness.CitySupervisor}" });
        await host.BindTelegramAsync(OfficialsHarness.CitySupervisorCode, OfficialsHarness.CitySupervisor);
        var sample = await File.ReadAllTextAsync(Infrastructure.RepositoryPaths.SampleDirectory);
        var broken = sample.Replace("\"nameVi\": \"Chiếu sáng công cộng\", \"nameEn\": \"Street lighting\", \"acknowledgeWithin\": \"8h\"",
            "\"nameVi\": \"Đèn đường\", \"nameEn\": \"Street lighting\", \"acknowledgeWithin\": \"tám giờ\"", StringComparison.Ordinal);
        Assert.NotEqual(sample, broken);
        var file = Path.Combine(host.Folder, "danh-ba-moi.json");
        await File.WriteAllTextAsync(file, broken);
        var link = await host.AskLinkAsync(OfficialsHarness.CitySupervisor);

        var run = await RunAsync("admin", host, link, file);

        var errors = run.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("danh-ba-moi.json:40", StringComparison.Ordinal) && e.Contains("acknowledgeWithin", StringComparison.Ordinal));
        await using var check = host.NewDbContext();
        var lighting = check.Categories.Single(c => c.Code == "lighting");
        Assert.Equal("Chiếu sáng công cộng", lighting.NameVi);
        Assert.Equal(TimeSpan.FromHours(8), lighting.AcknowledgeWithin);
    }

    internal static async Task<JsonElement> RunAsync(string scenario, ConsoleBrowserHost host, string link, params string[] args)
    {
        var (code, output, error) = await NodeTools.RunAsync(
            "node", ["console.js", scenario, host.BaseAddress.ToString().TrimEnd('/'), link, .. args], TimeSpan.FromSeconds(180));
        var last = output.Trim().Split('\n')[^1];
        Assert.True(last.StartsWith('{'), $"console run printed no result ({code}): {output}\n{error}");
        var result = JsonDocument.Parse(last).RootElement.Clone();
        var failures = result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures) + $"\n{last}\n{error}");
        Assert.Equal(0, code);
        return result;
    }
}
