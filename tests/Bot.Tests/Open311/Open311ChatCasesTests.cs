using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Bot.Tests.Fakes;
using ResidentBot.Bot.Tests.Residents;
using static ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

/// <summary>
/// Open311 shows the cases residents agreed to publish in the chat, as FixMyStreet shows every report: their
/// description, the officials' notes, the ward and the point rounded like the results page — never the reporter, the
/// exact point or a typed address. A chat case without that consent is not in Open311 at all.
/// </summary>
public sealed class Open311ChatCasesTests
{
    private const long Lan = 7002;
    private const long Minh = 7003;
    private const string PublishedText = "Đèn đường trước số 40 phố Trần Phú tắt từ tối qua";
    private const string PrivateText = "Đèn chiếu sáng ngõ 3 cạnh nhà tôi hỏng cả tuần";
    private const string PublishedReply = "Tối nay đội điện lực sẽ thay bóng.";
    private const string PrivateReply = "Chiều mai tổ dân phố sẽ kiểm tra.";

    private static readonly string[] RequestFieldNames =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    [Fact]
    public async Task A_published_chat_case_is_listed_in_json_and_xml_with_its_point_rounded_and_nothing_of_the_reporter()
    {
        await using var bed = await StartAsync(ResidentChat.FastOutbox());
        var published = await ReportAsync(bed, Lan, 20.961234, 106.304567, PublishedText, publish: true);
        var unpublished = await ReportAsync(bed, Minh, 20.9600, 106.3000, PrivateText, publish: false);
        var sent = await bed.FileAsync();

        var (status, body) = await bed.GetAsync("requests.json");
        var (xmlStatus, xml) = await bed.GetAsync("requests.xml");

        Assert.Equal((200, 200), (status, xmlStatus));
        var listed = Json(body).EnumerateArray().ToList();
        Assert.Equal([sent, published], listed.Select(r => r.GetProperty("service_request_id").GetString()));
        var item = listed[1];
        Assert.Equal(RequestFieldNames, item.EnumerateObject().Select(p => p.Name));
        Assert.Equal((20.961, 106.305), (item.GetProperty("lat").GetDouble(), item.GetProperty("long").GetDouble()));
        Assert.Equal(PublishedText, item.GetProperty("description").GetString());
        Assert.Equal("Phường Trần Phú", item.GetProperty("address").GetString());
        Assert.Equal(TranPhuLeaderTitle, item.GetProperty("agency_responsible").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("media_url").ValueKind);
        Assert.DoesNotContain(unpublished, body, StringComparison.Ordinal);
        await NoReporterAsync(bed, body);

        var request = Xml(xml).Elements("request").Single(r => r.Element("service_request_id")!.Value == published);
        Assert.Equal(RequestFieldNames, request.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(20.961, double.Parse(request.Element("lat")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(106.305, double.Parse(request.Element("long")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(PublishedText, request.Element("description")!.Value);
        Assert.DoesNotContain(unpublished, xml, StringComparison.Ordinal);
        await NoReporterAsync(bed, xml);

        var (one, oneBody) = await bed.GetAsync($"requests/{published}.json");
        Assert.Equal(200, one);
        Assert.Equal(published, Json(oneBody)[0].GetProperty("service_request_id").GetString());
    }

    [Fact]
    public async Task A_chat_case_without_consent_is_not_found_by_its_id_nor_by_a_list_of_ids()
    {
        await using var bed = await StartAsync(ResidentChat.FastOutbox());
        var unpublished = await ReportAsync(bed, Minh, 20.9600, 106.3000, PrivateText, publish: false);

        var (json, _) = await bed.GetAsync($"requests/{unpublished}.json");
        var (xml, _) = await bed.GetAsync($"requests/{unpublished}.xml");
        var (withKey, _) = await bed.GetAsync($"requests/{unpublished}.json?api_key={Uri.EscapeDataString(bed.Key)}");
        var (listStatus, list) = await bed.GetAsync($"requests.json?service_request_id={unpublished}");

        Assert.Equal((404, 404, 404), (json, xml, withKey));
        Assert.Equal(200, listStatus);
        Assert.Empty(Json(list).EnumerateArray());
    }

    [Fact]
    public async Task Service_request_updates_carry_the_officials_reply_on_a_published_case_and_nothing_of_an_unpublished_one()
    {
        await using var bed = await StartAsync(ResidentChat.FastOutbox());
        var published = await ReportAsync(bed, Lan, 20.961234, 106.304567, PublishedText, publish: true);
        var unpublished = await ReportAsync(bed, Minh, 20.9600, 106.3000, PrivateText, publish: false);
        await ReplyAsync(bed, published, PublishedReply);
        await ReplyAsync(bed, unpublished, PrivateReply);

        var (status, body) = await bed.GetAsync($"servicerequestupdates.json?api_key={Uri.EscapeDataString(bed.Key)}");
        var (_, xml) = await bed.GetAsync($"servicerequestupdates.xml?api_key={Uri.EscapeDataString(bed.Key)}");

        Assert.Equal(200, status);
        var updates = Json(body).EnumerateArray().ToList();
        Assert.All(updates, u => Assert.Equal(published, u.GetProperty("service_request_id").GetString()));
        Assert.Contains(updates, u => u.GetProperty("status").GetString() == "in_progress"
            && u.GetProperty("description").GetString() == $"{TranPhuLeaderTitle} trả lời: {PublishedReply}");
        Assert.All(Xml(xml).Elements("request_update"), u => Assert.Equal(published, u.Element("service_request_id")!.Value));
        Assert.Equal(updates.Count, Xml(xml).Elements("request_update").Count());
        Assert.DoesNotContain(unpublished, body + xml, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateReply, body + xml, StringComparison.Ordinal);

        var (_, request) = await bed.GetAsync($"requests/{published}.json");
        Assert.Equal($"{TranPhuLeaderTitle} trả lời: {PublishedReply}", Json(request)[0].GetProperty("status_notes").GetString());
    }

    /// <summary>A report made in Telegram by <paramref name="resident"/>, published or not in its summary; returns its tracking code.</summary>
    private static async Task<string> ReportAsync(Open311Bed bed, long resident, double lat, double lon, string description, bool publish)
    {
        var chat = new ResidentChat(bed.Host, resident);
        await chat.CommandAsync("/phananh");
        await chat.PressAsync("Chiếu sáng");
        await chat.LocationAsync(lat, lon);
        await chat.TextAsync(description);
        await chat.PressAsync("Bỏ qua");
        if (publish)
        {
            await chat.PressAsync("Cho phép công khai");
        }

        await chat.PressAsync("Gửi");
        await using var db = bed.Host.NewDbContext();
        var @case = await db.Cases.SingleAsync(c => c.Description == description);
        Assert.Equal(publish, @case.PublicationConsent);
        return @case.TrackingCode;
    }

    /// <summary>The ward leader answers the resident by replying to the case's card.</summary>
    private static async Task ReplyAsync(Open311Bed bed, string code, string text)
    {
        var (messageId, _) = await bed.CardAsync(code, TranPhuLeader);
        await bed.SendAsync(FakeUpdates.Update(0, "message", FakeUpdates.Message(TranPhuLeader, 900 + messageId, m =>
        {
            m["text"] = text;
            m["reply_to_message"] = FakeUpdates.Message(FakeBotApi.BotId, messageId, r => r["text"] = "card");
        })));
        await using var db = bed.Host.NewDbContext();
        await OfficialsHarnessWait(() => db.CaseEvents.AnyAsync(e => e.Note == text));
    }

    /// <summary>Nothing in the answer names the chat reporter: their name, Telegram id or phone.</summary>
    private static async Task NoReporterAsync(Open311Bed bed, string answer)
    {
        await using var db = bed.Host.NewDbContext();
        var residents = await db.Residents.Include(r => r.Identities).Where(r => r.Identities.Any(i => i.Channel == "telegram")).ToListAsync();
        Assert.NotEmpty(residents);
        foreach (var resident in residents)
        {
            if (!string.IsNullOrEmpty(resident.DisplayName))
            {
                Assert.DoesNotContain(resident.DisplayName, answer, StringComparison.Ordinal);
            }

            Assert.All(resident.Identities, i => Assert.DoesNotContain(i.ExternalId, answer, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("20.961234", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("106.304567", answer, StringComparison.Ordinal);
    }
}
