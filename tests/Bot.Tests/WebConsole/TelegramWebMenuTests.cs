using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ResidentBot.Bot.Tests.Fakes;
using static ResidentBot.Bot.Tests.Officials.OfficialsHarness;

namespace ResidentBot.Bot.Tests.WebConsole;

/// <summary>/web in the Telegram menu of officials' chats only: setMyCommands scoped to the chat, deleteMyCommands when the chat stops being an official's.</summary>
public sealed partial class TelegramWebMenuTests
{
    private const long NewOfficial = 7100;
    private const string NguyenTraiLeader = "HD.TPHD.NGUYENTRAI.CT";

    [Fact]
    public async Task An_official_bound_by_an_invite_gets_web_in_a_menu_scoped_to_their_chat_and_a_resident_does_not()
    {
        await using var bed = await StartAsync();
        await bed.SendAsync(FakeUpdates.Command(Resident, "/start"));

        await BindByInviteAsync(bed, NewOfficial);

        var scoped = await bed.Api.WaitForCallAsync(calls => calls.FirstOrDefault(c => IsScopedTo(c, "setMyCommands", NewOfficial)));
        var commands = Commands(scoped!);
        Assert.Equal("Đăng nhập bàn làm việc trên web", commands["web"]);
        Assert.Equal("Phản ánh một vấn đề ở địa phương", commands["report"]);
        Assert.Null(scoped!.String("language_code"));
        Assert.DoesNotContain(bed.Api.CallsTo("setMyCommands"), c => IsScopedTo(c, "setMyCommands", Resident));
        // The menu everyone sees is unchanged: no /web there.
        Assert.All(bed.Api.CallsTo("setMyCommands").Where(c => c.Json("scope") is null), c => Assert.DoesNotContain("web", Commands(c).Keys));
    }

    [Fact]
    public async Task When_an_invite_moves_the_official_to_another_account_the_old_chat_loses_web()
    {
        await using var bed = await StartAsync();
        await BindByInviteAsync(bed, NewOfficial);
        await bed.Api.WaitForCallAsync(calls => calls.FirstOrDefault(c => IsScopedTo(c, "setMyCommands", NewOfficial)));

        await BindByInviteAsync(bed, NewOfficial + 1);

        await bed.Api.WaitForCallAsync(calls => calls.FirstOrDefault(c => IsScopedTo(c, "deleteMyCommands", NewOfficial)));
        await bed.Api.WaitForCallAsync(calls => calls.FirstOrDefault(c => IsScopedTo(c, "setMyCommands", NewOfficial + 1)));
        Assert.Single(bed.Api.CallsTo("setMyCommands"), c => IsScopedTo(c, "setMyCommands", NewOfficial));
    }

    /// <summary>An administrator's /invite for the Nguyễn Trãi leader, redeemed with /start from <paramref name="account"/>.</summary>
    private static async Task BindByInviteAsync(Officials.OfficialsHarness bed, long account)
    {
        bool IsInvite(FakeBotApiCall c) => c.Long("chat_id") == CitySupervisor && (c.String("text") ?? "").Contains("start=inv_", StringComparison.Ordinal);
        var before = bed.Api.CallsTo("sendMessage").Count(IsInvite);
        await bed.SendAsync(FakeUpdates.Command(CitySupervisor, $"/invite {NguyenTraiLeader}"));
        FakeBotApiCall? sent = null;
        await WaitUntilAsync(() =>
        {
            sent = bed.Api.CallsTo("sendMessage").Where(IsInvite).Skip(before).FirstOrDefault();
            return Task.FromResult(sent is not null);
        });
        var code = InvitePattern().Match(sent!.String("text")!).Groups["code"].Value;
        await bed.SendAsync(FakeUpdates.Command(account, $"/start {code}"));
        await bed.MessageToAsync(account, "Chủ tịch UBND phường Nguyễn Trãi");
    }

    private static bool IsScopedTo(FakeBotApiCall call, string method, long chat) =>
        string.Equals(call.Method, method, StringComparison.OrdinalIgnoreCase) && Scope(call) is { } scope
        && (string?)scope["type"] == "chat" && scope["chat_id"]?.GetValue<long>() == chat;

    private static JsonObject? Scope(FakeBotApiCall call) => call.Json("scope") switch
    {
        JsonObject o => o,
        JsonValue v when v.TryGetValue<string>(out var text) => JsonNode.Parse(text) as JsonObject,
        _ => null,
    };

    private static Dictionary<string, string> Commands(FakeBotApiCall call) =>
        (call.Json("commands") is JsonArray a ? a : JsonNode.Parse(call.String("commands")!)!.AsArray())
        .ToDictionary(c => (string)c!["command"]!, c => (string)c!["description"]!);

    [GeneratedRegex(@"start=(?<code>inv_[A-Za-z0-9_\-]+)")]
    private static partial Regex InvitePattern();
}
