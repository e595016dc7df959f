using System.Text.Json;
using static ResidentBot.Bot.Tests.Open311.Open311Bed;

namespace ResidentBot.Bot.Tests.Open311;

public sealed class ServiceEndpointTests
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    [Fact]
    public async Task Services_list_every_category_in_json_with_the_spec_fields_and_types()
    {
        await using var bed = await StartAsync();

        var (status, body) = await bed.GetAsync("services.json");

        Assert.Equal(200, status);
        var services = Json(body).EnumerateArray().ToList();
        Assert.Equal(["lighting", "waste", "roads", "drainage", "construction", "noise", "other"], services.Select(s => s.GetProperty("service_code").GetString()));
        foreach (var service in services)
        {
            Assert.Equal(ServiceFields, service.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.False, service.GetProperty("metadata").ValueKind);
            Assert.Equal("realtime", service.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.String, service.GetProperty("service_name").ValueKind);
        }

        Assert.Equal("Chiếu sáng công cộng", services[0].GetProperty("service_name").GetString());
        Assert.Equal("Tiếp nhận trong 8 giờ làm việc, giải quyết trong 37,5 giờ làm việc (tính theo giờ hành chính).", services[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Services_in_xml_have_the_services_root_and_one_service_element_each_in_english_when_asked()
    {
        await using var bed = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services.xml");
        request.Headers.AcceptLanguage.ParseAdd("en-US");

        using var response = await bed.Client.SendAsync(request);

        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var root = Xml(await response.Content.ReadAsStringAsync());
        Assert.Equal("services", root.Name.LocalName);
        var services = root.Elements().ToList();
        Assert.Equal(7, services.Count);
        Assert.All(services, s =>
        {
            Assert.Equal("service", s.Name.LocalName);
            Assert.Equal(ServiceFields, s.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("false", s.Element("metadata")!.Value);
        });
        Assert.Equal("Street lighting", services[0].Element("service_name")!.Value);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_service_definition_has_no_attributes_and_an_unknown_code_is_a_404_error(string format)
    {
        await using var bed = await StartAsync();

        var (status, body) = await bed.GetAsync($"services/drainage.{format}");
        var (missing, error) = await bed.GetAsync($"services/potholes.{format}");

        Assert.Equal(200, status);
        Assert.Equal(404, missing);
        if (format == "json")
        {
            Assert.Equal("drainage", Json(body).GetProperty("service_code").GetString());
            Assert.Equal(0, Json(body).GetProperty("attributes").GetArrayLength());
            Assert.Equal(404, Json(error)[0].GetProperty("code").GetInt32());
            Assert.Contains("potholes", Json(error)[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        else
        {
            var root = Xml(body);
            Assert.Equal("service_definition", root.Name.LocalName);
            Assert.Equal(["service_code", "attributes"], root.Elements().Select(e => e.Name.LocalName));
            Assert.Empty(root.Element("attributes")!.Elements());
            var errors = Xml(error);
            Assert.Equal("errors", errors.Name.LocalName);
            Assert.Equal("404", errors.Element("error")!.Element("code")!.Value);
        }
    }

    [Fact]
    public async Task An_unknown_format_or_another_jurisdiction_is_refused_in_the_spec_shape()
    {
        await using var bed = await StartAsync(new Dictionary<string, string?> { ["Open311:JurisdictionId"] = "haiduong.gov.vn" });

        var (badFormat, formatError) = await bed.GetAsync("services.csv");
        var (other, otherError) = await bed.GetAsync("services.json?jurisdiction_id=hanoi.gov.vn");
        var (same, _) = await bed.GetAsync("services.json?jurisdiction_id=haiduong.gov.vn");

        Assert.Equal(400, badFormat);
        Assert.Equal(400, Json(formatError)[0].GetProperty("code").GetInt32());
        Assert.Equal(404, other);
        Assert.Contains("hanoi.gov.vn", Json(otherError)[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, same);
    }
}
