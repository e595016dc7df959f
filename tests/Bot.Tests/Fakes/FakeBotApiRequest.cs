using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ResidentBot.Bot.Tests.Fakes;

/// <summary>Reads Bot API parameters the ways Telegram accepts them: query string, JSON body, urlencoded or multipart form.</summary>
internal static class FakeBotApiRequest
{
    public static async Task<(JsonObject Parameters, IReadOnlyList<FakeUpload> Files)> ReadAsync(HttpRequest request)
    {
        var parameters = new JsonObject();
        var files = new List<FakeUpload>();
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = Parse(value.ToString());
        }

        if (request.HasJsonContentType())
        {
            var body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
            if (body is JsonObject json)
            {
                foreach (var (key, value) in json.ToList())
                {
                    json.Remove(key);
                    parameters[key] = value;
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                parameters[key] = Parse(value.ToString());
            }

            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content).ConfigureAwait(false);
                files.Add(new FakeUpload(file.Name, file.FileName, file.Length, content.ToArray()));
                parameters[file.Name] = "attach://" + file.Name;
            }
        }

        return (parameters, files);
    }

    // Form fields carry nested objects (reply_markup, commands) as JSON text.
    private static JsonNode? Parse(string value)
    {
        if (value.Length > 0 && (value[0] == '{' || value[0] == '['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
            }
        }

        return JsonValue.Create(value);
    }
}
