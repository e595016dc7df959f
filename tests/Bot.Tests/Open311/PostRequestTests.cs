using System.Net;
using System.Text;
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

        await AssertNothingStoredAsync(bed);
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
        await AssertNothingStoredAsync(bed);
    }

    [Fact]
    public async Task A_huge_description_a_place_outside_every_area_and_an_ambiguous_address_are_refused()
    {
        await using var bed = await StartAsync();
        var huge = Report(new string('a', 100_000));
        var outside = Report();
        (outside["lat"], outside["long"]) = ("10.77", "106.70");
        var ambiguous = Report();
        ambiguous.Remove("lat");
        ambiguous.Remove("long");
        ambiguous["address_string"] = "Nam Sách";

        foreach (var fields in new[] { huge, outside, ambiguous })
        {
            using var response = await bed.PostAsync("json", fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var last = await bed.PostAsync("json", ambiguous);
        Assert.Contains("Thị trấn Nam Sách", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(bed);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_or_is_too_large_or_malformed_is_a_400_in_the_asked_format()
    {
        await using var bed = await StartAsync();
        using var json = new StringContent("{\"service_code\":\"lighting\"}", Encoding.UTF8, "application/json");
        using var multipart = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", Encoding.UTF8);
        multipart.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var big = new StringContent("api_key=" + bed.Key + "&description=" + new string('a', 300_000), Encoding.UTF8, "application/x-www-form-urlencoded");

        var many = string.Join("&", Enumerable.Range(0, 150).Select(i => $"x{i}=" + new string('a', 2000)));
        using var wide = new StringContent($"api_key={bed.Key}&service_code=lighting&lat=20.96&long=106.30&description=Đèn hỏng đã ba ngày&{many}",
            Encoding.UTF8, "application/x-www-form-urlencoded");

        using var a = await bed.Client.PostAsync(new Uri("/open311/v2/requests.json", UriKind.Relative), json);
        using var b = await bed.Client.PostAsync(new Uri("/open311/v2/requests.xml", UriKind.Relative), multipart);
        using var c = await bed.Client.PostAsync(new Uri("/open311/v2/requests.json", UriKind.Relative), big);

        Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, b.StatusCode);
        Assert.Equal("errors", Xml(await b.Content.ReadAsStringAsync()).Name.LocalName);
        Assert.Equal(HttpStatusCode.BadRequest, c.StatusCode);
        using var d = await bed.Client.PostAsync(new Uri("/open311/v2/requests.json", UriKind.Relative), wide);
        Assert.Equal(HttpStatusCode.BadRequest, d.StatusCode);
        await AssertNothingStoredAsync(bed);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Xml_special_characters_in_a_description_come_back_exactly_as_sent(string format)
    {
        await using var bed = await StartAsync();
        const string Hostile = "Cống <b>tắc</b> & \"ngập\" ]]> '<!--' </request><script>x</script>";
        var code = await bed.FileAsync(Report(Hostile));

        var (status, body) = await bed.GetAsync($"requests/{code}.{format}?api_key={Uri.EscapeDataString(bed.Key)}");

        Assert.Equal(200, status);
        var description = format == "json" ? Json(body)[0].GetProperty("description").GetString() : Xml(body).Element("request")!.Element("description")!.Value;
        Assert.Equal(Hostile, description);
    }

    private static async Task AssertNothingStoredAsync(Open311Bed bed)
    {
        await using var db = bed.Host.NewDbContext();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.Open311Requests.CountAsync());
        Assert.Equal(0, await db.Residents.CountAsync());
    }
}
