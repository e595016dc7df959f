using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResidentBot.Persistence.DirectoryImport;
using ResidentBot.Persistence.Tests.Infrastructure;
using ResidentBot.PostgreSql.Testing;
using ResidentBot.Routing.Categories;

namespace ResidentBot.Persistence.Tests.DirectoryImport;

public abstract class ResolveEvidenceImportTests(string provider)
{
    [SkippableFact]
    public async Task Resolve_evidence_imports_per_category_and_a_category_without_it_needs_only_the_usual_note()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider); // imports the sample directory

        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResidentBotDbContext>();
        var evidence = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.ResolveEvidence);
        Assert.Equal(ResolveEvidence.Photo, evidence["waste"]);
        Assert.Equal(ResolveEvidence.Note, evidence["construction"]);
        Assert.Equal(ResolveEvidence.None, evidence["lighting"]);
    }

    [SkippableFact]
    public async Task An_unknown_kind_of_evidence_names_the_file_line_and_field_and_leaves_the_database_unchanged()
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var before = await database.DumpAsync();
        var broken = database.WriteDirectory("evidence-bad.json", json => json.Replace(
            "\"resolveEvidence\": \"photo\"", "\"resolveEvidence\": \"video\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DirectoryImportException>(() => database.ImportAsync(broken));

        var only = Assert.Single(error.Errors);
        Assert.Equal("evidence-bad.json", only.File);
        Assert.Equal("$.categories[1].resolveEvidence", only.Path);
        Assert.Contains("'video' is not a kind of proof", only.Message, StringComparison.Ordinal);
        Assert.Contains("\"video\"", File.ReadAllLines(broken)[only.Line!.Value - 1], StringComparison.Ordinal);
        Assert.Equal(before, await database.DumpAsync());
    }
}

public sealed class ResolveEvidenceImportTestsOnSqlite() : ResolveEvidenceImportTests(Providers.Sqlite);

public sealed class ResolveEvidenceImportTestsOnPostgreSql() : ResolveEvidenceImportTests(Providers.PostgreSql);
