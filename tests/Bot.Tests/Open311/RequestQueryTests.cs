using System.Globalization;
using System.Text.Json;
using static ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

public sealed class RequestQueryTests
{
    private static readonly string[] RequestFieldNames =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private const string W3C = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$";

    [Fact]
    public async Task A_request_in_json_has_every_spec_field_with_its_type_and_dates_in_the_directory_time_zone()
    {
        await using var bed = await StartAsync();
        var fields = Report();
        fields["media_url"] = "https://fixmystreet.example.org/photo/1.jpeg";
        var code = await bed.FileAsync(fields);

        var (status, body) = await bed.GetAsync($"requests/{code}.json?api_key={Uri.EscapeDataString(bed.Key)}");

        Assert.Equal(200, status);
        var request = Assert.Single(Json(body).EnumerateArray().ToList());
        Assert.Equal(RequestFieldNames, request.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("status_notes").ValueKind);
        Assert.Equal(("lighting", "Chiếu sáng công cộng"), (request.GetProperty("service_code").GetString(), request.GetProperty("service_name").GetString()));
        Assert.Equal(TranPhuLeaderTitle, request.GetProperty("agency_responsible").GetString());
        Assert.Contains(TranPhuLeaderTitle, request.GetProperty("service_notice").GetString(), StringComparison.Ordinal);
        foreach (var date in new[] { "requested_datetime", "updated_datetime", "expected_datetime" })
        {
            Assert.Matches(W3C, request.GetProperty(date).GetString());
        }

        Assert.True(DateTimeOffset.Parse(request.GetProperty("expected_datetime").GetString()!, CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(request.GetProperty("requested_datetime").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Number, request.GetProperty("lat").ValueKind);
        Assert.Equal((20.96, 106.30), (request.GetProperty("lat").GetDouble(), request.GetProperty("long").GetDouble()));
        Assert.Equal("https://fixmystreet.example.org/photo/1.jpeg", request.GetProperty("media_url").GetString());
        Assert.Equal("Phường Trần Phú", request.GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_request_in_xml_is_a_request_element_under_service_requests_with_the_same_fields()
    {
        await using var bed = await StartAsync();
        var code = await bed.FileAsync();

        var (status, body) = await bed.GetAsync($"requests/{code}.xml?api_key={Uri.EscapeDataString(bed.Key)}");

        Assert.Equal(200, status);
        var root = Xml(body);
        Assert.Equal("service_requests", root.Name.LocalName);
        var request = Assert.Single(root.Elements("request"));
        Assert.Equal(RequestFieldNames, request.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.Matches(W3C, request.Element("requested_datetime")!.Value);
        Assert.Equal(20.96, double.Parse(request.Element("lat")!.Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Anyone_else_sees_no_description_nor_notes_and_the_point_rounded_to_about_a_hundred_metres()
    {
        await using var bed = await StartAsync();
        var fields = Report();
        (fields["lat"], fields["long"]) = ("20.961234", "106.304567");
        fields["address_string"] = "Số 12 ngõ 5 Trần Phú";
        var code = await bed.FileAsync(fields);
        var other = await NewKeyAsync(bed.Host, "city-app");

        var (keyless, publicBody) = await bed.GetAsync($"requests/{code}.json");
        var (_, otherBody) = await bed.GetAsync($"requests/{code}.json?api_key={Uri.EscapeDataString(other)}");
        var (_, ownBody) = await bed.GetAsync($"requests/{code}.json?api_key={Uri.EscapeDataString(bed.Key)}");

        Assert.Equal(200, keyless);
        foreach (var seen in new[] { Json(publicBody)[0], Json(otherBody)[0] })
        {
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("description").ValueKind);
            Assert.Equal((20.961, 106.305), (seen.GetProperty("lat").GetDouble(), seen.GetProperty("long").GetDouble()));
            Assert.Equal("Phường Trần Phú", seen.GetProperty("address").GetString());
            Assert.Equal(TranPhuLeaderTitle, seen.GetProperty("agency_responsible").GetString());
            Assert.DoesNotContain("Lan", seen.ToString(), StringComparison.Ordinal);
        }

        var own = Json(ownBody)[0];
        Assert.Equal((20.961234, 106.304567), (own.GetProperty("lat").GetDouble(), own.GetProperty("long").GetDouble()));
        Assert.Equal("Số 12 ngõ 5 Trần Phú", own.GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task An_unknown_id_is_a_404_error_in_the_asked_format(string format)
    {
        await using var bed = await StartAsync();

        var (status, body) = await bed.GetAsync($"requests/HD-2026-999999.{format}");

        Assert.Equal(404, status);
        var description = format == "json" ? Json(body)[0].GetProperty("description").GetString() : Xml(body).Element("error")!.Element("description")!.Value;
        Assert.Contains("HD-2026-999999", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_ids_service_and_status_newest_first_and_pages()
    {
        await using var bed = await StartAsync();
        var first = await bed.FileAsync();
        var drainage = Report("Cống thoát nước trước chợ bị tắc, nước tràn lên đường");
        drainage["service_code"] = "drainage";
        var second = await bed.FileAsync(drainage);
        var third = await bed.FileAsync();

        async Task<List<string>> Ids(string query)
        {
            var (status, body) = await bed.GetAsync("requests.json" + query);
            Assert.Equal(200, status);
            return [.. Json(body).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];
        }

        Assert.Equal([third, second, first], await Ids(""));
        Assert.Equal([third, first], await Ids("?service_code=lighting"));
        Assert.Equal([second], await Ids("?service_code=drainage,potholes"));
        Assert.Equal([third, first], await Ids($"?service_request_id={first},{third}&service_code=drainage"));
        Assert.Equal([third, second, first], await Ids("?status=open"));
        Assert.Empty(await Ids("?status=closed"));
        Assert.Equal([third, second], await Ids("?page_size=2"));
        Assert.Equal([first], await Ids("?page_size=2&page=2"));
        var start = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
        Assert.Equal(3, (await Ids($"?start_date={start}")).Count);
        Assert.Empty(await Ids($"?end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-2).ToString("O", CultureInfo.InvariantCulture))}"));
    }

    [Theory]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-04-15T00:00:00Z", "90")]
    [InlineData("start_date=2026-03-01&end_date=2026-02-01", "end_date")]
    [InlineData("start_date=yesterday", "start_date")]
    [InlineData("end_date=2026-13-45", "end_date")]
    [InlineData("status=pending", "status")]
    [InlineData("page=0", "page")]
    [InlineData("page_size=100000", "page_size")]
    [InlineData("page=-1", "page")]
    public async Task Bad_dates_a_window_over_ninety_days_and_bad_filters_are_400_errors(string query, string named)
    {
        await using var bed = await StartAsync();

        var (status, body) = await bed.GetAsync("requests.json?" + query);
        var (xmlStatus, xml) = await bed.GetAsync("requests.xml?" + query);

        Assert.Equal(400, status);
        Assert.Equal(400, Json(body)[0].GetProperty("code").GetInt32());
        Assert.Contains(named, Json(body)[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, xmlStatus);
        Assert.Equal("400", Xml(xml).Element("error")!.Element("code")!.Value);
    }

    [Fact]
    public async Task A_wrong_key_on_a_read_is_a_403_though_reading_needs_no_key()
    {
        await using var bed = await StartAsync();

        var (status, _) = await bed.GetAsync("requests.json?api_key=guess");
        var (open, _) = await bed.GetAsync("requests.json");

        Assert.Equal(403, status);
        Assert.Equal(200, open);
    }
}
