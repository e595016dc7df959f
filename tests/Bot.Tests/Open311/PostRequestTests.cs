using System.Net;
using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Cases;
using ResidentBot.Routing.Open311;
using static ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

public sealed class PostRequestTests
{
    [Fact]
    public async Task A_posted_request_becomes_a_case_of_the_accountable_official_who_gets_the_usual_card_and_the_answer_names_title_and_deadlines()
    {
        await using var bed = await StartAsync();

        using var response = await bed.PostAsync("json", Report());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Json(await response.Content.ReadAsStringAsync());
        var item = Assert.Single(answer.EnumerateArray().ToList());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], item.EnumerateObject().Select(p => p.Name));
        var code = item.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^HD-\d{4}-\d{6}$", code);
        var notice = item.GetProperty("service_notice").GetString()!;
        Assert.Contains(TranPhuLeaderTitle, notice, StringComparison.Ordinal);
        Assert.Contains("Hạn tiếp nhận", notice, StringComparison.Ordinal);

        var (_, card) = await bed.CardAsync(code, TranPhuLeader);
        Assert.Contains("Đèn đường trước số 12", card.String("text"), StringComparison.Ordinal);
        await using var db = bed.Host.NewDbContext();
        var @case = await db.Cases.Include(c => c.AccountableOfficial).SingleAsync(c => c.TrackingCode == code);
        Assert.Equal(TranPhuLeaderCode, @case.AccountableOfficial!.Code);
        Assert.Equal(CaseStatus.Assigned, @case.Status);
        Assert.Equal((20.96, 106.30), (@case.Latitude, @case.Longitude));
        var resident = await db.Residents.Include(r => r.Identities).SingleAsync(r => r.Id == @case.ResidentId);
        Assert.Equal("Lan Nguyễn", resident.DisplayName);
        var identity = Assert.Single(resident.Identities);
        Assert.Equal((ClientIdentity.Channel, ClientIdentity.ExternalId((await db.Open311Keys.SingleAsync()).Id, null, "lan@example.org", null)),
            (identity.Channel, identity.ExternalId));
        Assert.Equal((await db.Open311Keys.SingleAsync()).Id, (await db.Open311Requests.SingleAsync(r => r.CaseId == @case.Id)).KeyId);
    }

    [Fact]
    public async Task The_xml_answer_has_the_service_requests_root_and_english_follows_accept_language()
    {
        await using var bed = await StartAsync();

        using var response = await bed.PostAsync("xml", Report(), language: "en");

        var root = Xml(await response.Content.ReadAsStringAsync());
        Assert.Equal("service_requests", root.Name.LocalName);
        var request = Assert.Single(root.Elements());
        Assert.Equal("request", request.Name.LocalName);
        Assert.Equal(["service_request_id", "service_notice", "account_id"], request.Elements().Select(e => e.Name.LocalName));
        Assert.StartsWith("Report HD-", request.Element("service_notice")!.Value, StringComparison.Ordinal);
        Assert.Contains("accountable", request.Element("service_notice")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_string_is_routed_like_a_typed_place_and_one_client_account_is_one_resident()
    {
        await using var bed = await StartAsync();
        var first = Report();
        first.Remove("lat");
        first.Remove("long");
        first["address_string"] = "Ngõ 5, phuong Quang Trung";
        first["account_id"] = "fms-42";

        var a = await bed.FileAsync(first);
        var b = await bed.FileAsync(first);

        await using var db = bed.Host.NewDbContext();
        var cases = await db.Cases.Include(c => c.Area).Where(c => c.TrackingCode == a || c.TrackingCode == b).ToListAsync();
        Assert.All(cases, c => Assert.Equal("HD.TPHD.QUANGTRUNG", c.Area!.Code));
        Assert.Single(cases.Select(c => c.ResidentId).Distinct());
        Assert.Equal("Ngõ 5, phuong Quang Trung", cases[0].AddressText);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_missing_wrong_or_revoked_key_is_a_403_and_nothing_is_stored(string format)
    {
        await using var bed = await StartAsync();
        var revoked = await NewKeyAsync(bed.Host, "old-app");
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(bed.Host.Services))
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<ResidentBot.Bot.Open311.Keys.Open311Keys>(scope.ServiceProvider).RevokeAsync("old-app", CancellationToken.None);
        }

        foreach (var key in new[] { "", "not-a-key", revoked })
        {
            var fields = Report();
            fields["api_key"] = key;
            using var response = await bed.PostAsync(format, fields);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            var code = format == "json" ? Json(body)[0].GetProperty("code").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Xml(body).Element("error")!.Element("code")!.Value;
            Assert.Equal("403", code);
        }

        await NothingStoredAsync(bed);
    }

    [Theory]
    [InlineData("service_code", null, 400, "service_code")]
    [InlineData("service_code", "potholes", 404, "potholes")]
    [InlineData("lat", null, 400, "address_string")]
    [InlineData("lat", "north", 400, "lat")]
    [InlineData("long", "1e400", 400, "lat")]
    [InlineData("lat", "91", 400, "lat")]
    [InlineData("lat", "NaN", 400, "lat")]
    [InlineData("description", "", 400, "description")]
    [InlineData("media_url", "javascript:alert(1)", 400, "media_url")]
    [InlineData("media_url", "file:///etc/passwd", 400, "media_url")]
    [InlineData("email", "x", 400, "email")]
    public async Task A_bad_field_is_refused_with_a_clear_error_and_nothing_is_stored(string field, string? value, int status, string named)
    {
        await using var bed = await StartAsync();
        var fields = Report();
        if (value is null)
        {
            fields.Remove(field);
            if (field == "lat")
            {
                fields.Remove("long");
            }
        }
        else
        {
            fields[field] = field == "email" ? new string('x', 101) + "@example.org" : value;
        }

        using var response = await bed.PostAsync("json", fields);

        Assert.Equal(status, (int)response.StatusCode);
        var error = Json(await response.Content.ReadAsStringAsync())[0];
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.Contains(named, error.GetProperty("description").GetString(), StringComparison.Ordinal);
        await NothingStoredAsync(bed);
    }
}
