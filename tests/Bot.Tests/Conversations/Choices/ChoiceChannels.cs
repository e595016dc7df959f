using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Tests.Infrastructure;
using ResidentBot.Bot.Tests.Residents;
using ResidentBot.Persistence.WebChat;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Bot.Tests.Conversations.Choices;

/// <summary>A host with extra recording channels, on the sample directory plus a second «Phường Thanh Bình» (so a typed place has choices).</summary>
internal static class ChoiceChannels
{
    /// <summary>The sample ward whose leader gets the reports of these tests.</summary>
    public const string ThanhBinhLeader = "HD.TPHD.THANHBINH.CT";

    public static async Task<BotTestHost> StartAsync(params RecordingChannel[] channels)
    {
        var folder = Directory.CreateTempSubdirectory("residentbot-choices-").FullName;
        var directory = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.SampleDirectory))!;
        directory["areas"]!.AsArray().Add(new JsonObject
        {
            ["code"] = "HD.NS.THANHBINH", ["name"] = "Phường Thanh Bình", ["level"] = "commune", ["parent"] = "HD.NS",
        });
        var path = Path.Combine(folder, "directory.json");
        await File.WriteAllTextAsync(path, directory.ToJsonString());
        var settings = ResidentChat.FastOutbox();
        settings["Directory:Path"] = path;
        foreach (var channel in channels)
        {
            // An unlisted channel gets the careful default of one message a second per chat; these tests are about
            // choices, not pacing (as FastOutbox does for Telegram).
            settings[$"Outbox:Channels:{channel.Channel}:PerChatInterval"] = "00:00:00";
            settings[$"Outbox:Channels:{channel.Channel}:MessagesPerSecond"] = "1000";
        }

        return await BotTestHost.StartAsync(settings, folder: folder, services: s =>
        {
            foreach (var channel in channels)
            {
                s.AddSingleton<IChannelSender>(channel);
            }
        });
    }

    /// <summary>Binds an official to an account on a recording channel, as onboarding there would.</summary>
    public static async Task BindOfficialAsync(BotTestHost host, string code, string channel, string userId)
    {
        await using var db = host.NewDbContext();
        var official = await db.Officials.SingleAsync(o => o.Code == code);
        db.OfficialIdentities.Add(new OfficialIdentity { OfficialId = official.Id, Channel = channel, ExternalId = userId, ChatId = userId });
        await db.SaveChangesAsync();
    }

    public static async Task<string> ConversationAsync(BotTestHost host, string channel, string chatId)
    {
        await using var db = host.NewDbContext();
        var state = await db.ConversationStates.AsNoTracking().SingleAsync(c => c.Channel == channel && c.ChatId == chatId);
        return $"{state.Flow}|{state.Step}|{state.Data}";
    }
}
