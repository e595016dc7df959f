using System.Text.Json.Nodes;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;

namespace ResidentBot.Persistence.Tests.DirectoryImport;

public abstract class MalformedDirectoryTests(string provider)
{
    [SkippableFact]
    public async Task A_syntax_error_names_the_file_and_line_and_leaves_the_database_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();
        var broken = database.WriteDirectory("broken.json", json => json.Replace(
            "\"timeZone\": \"Asia/Ho_Chi_Minh\",", "\"timeZone\": \"Asia/Ho_Chi_Minh\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(broken));

        var only = Assert.Single(error.Errors);
        Assert.Equal("broken.json", only.File);
        Assert.Equal(11, only.Line);
        Assert.Contains("broken.json:11", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }

    [SkippableFact]
    public async Task An_unknown_parent_names_the_json_path_line_and_field_and_leaves_the_database_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();
        const string parent = "\"parent\": \"HD.NS\",";
        var broken = database.WriteDirectory("unknown-parent.json", json =>
        {
            var at = json.IndexOf(parent, StringComparison.Ordinal);
            return string.Concat(json.AsSpan(0, at), "\"parent\": \"HD.NOWHERE\",", json.AsSpan(at + parent.Length));
        });

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(broken));

        var only = Assert.Single(error.Errors);
        Assert.Equal("$.areas[15].parent", only.Path);
        Assert.NotNull(only.Line);
        Assert.Contains("unknown parent area 'HD.NOWHERE'", error.Message, StringComparison.Ordinal);
        var line = File.ReadAllLines(broken)[error.Errors[0].Line!.Value - 1];
        Assert.Contains("HD.NOWHERE", line, StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }

    [SkippableFact]
    public async Task A_category_owner_is_refused_because_the_posts_decide_who_is_accountable()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();
        var broken = database.WriteDirectory("owner.json", json => json.Replace(
            "\"resolveWithin\": \"48h\",", "\"resolveWithin\": \"48h\", \"owner\": \"leader\",", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(broken));

        var only = Assert.Single(error.Errors);
        Assert.Equal("$.categories[3].owner", only.Path);
        Assert.Contains("specialist post for the category decides", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }

    [SkippableFact]
    public async Task A_root_area_without_a_permanent_leader_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();
        var broken = database.WriteDirectory("no-root-leader.json", json => json.Replace(
            "{\"area\": \"HD\", \"kind\": \"leader\"}", "{\"area\": \"HD\", \"kind\": \"leader\", \"validTo\": \"2026-06-01\"}", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(broken));

        var only = Assert.Single(error.Errors);
        Assert.Equal("$.areas[0]", only.Path);
        Assert.Contains("root area 'HD' needs a leader post", only.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }

    [SkippableTheory]
    [InlineData("$.categories[0].acknowledgeWithin", "eight hours", "is not a duration")]
    [InlineData("$.calendar.timeZone", "Mars/Olympus", "unknown time zone")]
    [InlineData("$.areas[2].code", "HD.TPHD", "duplicate code")]
    [InlineData("$.areas[0].parent", "HD.TPHD.TRANPHU", "cycle in the area tree")]
    [InlineData("$.areas[2].level", "village", "must be province, district, ward or commune")]
    [InlineData("$.officials[0].posts[0].area", "HD.ATLANTIS", "unknown area 'HD.ATLANTIS'")]
    [InlineData("$.officials[0].posts[0].kind", "boss", "must be leader, deputy, specialist or supervisor")]
    [InlineData("$.officials[0].fullName", "", "is required")]
    [InlineData("$.officials[0].nickname", "Anh Hai", "unknown field")]
    public async Task Each_kind_of_mistake_is_reported_with_its_path(string path, string value, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        var node = JsonNode.Parse(await File.ReadAllTextAsync(TestDatabase.SamplePath))!;
        Set(node, path, value);
        var file = Path.Combine(database.Folder, "mistake.json");
        await File.WriteAllTextAsync(file, node.ToJsonString());

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(file));

        Assert.Contains(error.Errors, e => e.Path == path && e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_invalid_boundary_is_reported()
    {
        await using var database = await TestDatabase.CreateAsync(importSample: false, provider: provider);
        var node = JsonNode.Parse(await File.ReadAllTextAsync(TestDatabase.SamplePath))!;
        node["areas"]![1]!["boundary"] = JsonNode.Parse("""{"type": "Polygon", "coordinates": [[[106.29, 20.91], [106.37, 20.97], [106.37, 20.91], [106.29, 20.97], [106.29, 20.91]]]}""");
        node["areas"]![2]!["boundary"] = JsonNode.Parse("""{"type": "Point", "coordinates": [106.3, 20.9]}""");
        var file = Path.Combine(database.Folder, "boundary.json");
        await File.WriteAllTextAsync(file, node.ToJsonString());

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(file));

        Assert.Contains(error.Errors, e => e.Path == "$.areas[1].boundary" && e.Message.Contains("not a valid polygon", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Path == "$.areas[2].boundary" && e.Message.Contains("Polygon or MultiPolygon", StringComparison.Ordinal));
    }

    private static void Set(JsonNode root, string path, string value)
    {
        var parts = path[2..].Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        node[parts[^1]] = value;
    }
}

public sealed class MalformedDirectoryTestsOnSqlite() : MalformedDirectoryTests(Providers.Sqlite);

public sealed class MalformedDirectoryTestsOnPostgreSql() : MalformedDirectoryTests(Providers.PostgreSql);
