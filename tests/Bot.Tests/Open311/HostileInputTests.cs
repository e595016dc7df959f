using System.Net;
using System.Text;
using static ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

public sealed class HostileInputTests
{
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
        await NothingStoredAsync(bed);
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
        await NothingStoredAsync(bed);
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

    [Fact]
    public async Task Control_characters_xml_cannot_carry_are_left_out_of_the_xml_and_kept_in_the_json()
    {
        await using var bed = await StartAsync();
        var code = await bed.FileAsync(Report("Đèn hỏng\u0001 trước nhà\u000B số 12"));
        var key = Uri.EscapeDataString(bed.Key);

        var (_, xml) = await bed.GetAsync($"requests/{code}.xml?api_key={key}");
        var (_, json) = await bed.GetAsync($"requests/{code}.json?api_key={key}");

        Assert.Equal("Đèn hỏng trước nhà số 12", Xml(xml).Element("request")!.Element("description")!.Value);
        Assert.Equal("Đèn hỏng\u0001 trước nhà\u000B số 12", Json(json)[0].GetProperty("description").GetString());
    }
}
