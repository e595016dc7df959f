using Microsoft.EntityFrameworkCore;
using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Categories;
using ResidentBot.Routing.Dialogues;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.DirectoryImport;

public sealed partial class DirectoryImporter
{
    private async Task ApplyCategoriesAsync(ValidatedDirectory file, string name, List<DirectoryError> errors, CancellationToken cancellationToken)
    {
        var existing = await db.Categories.ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken).ConfigureAwait(false);
        foreach (var parsed in file.Categories)
        {
            if (!existing.Remove(parsed.Code, out var category))
            {
                category = new Category { Code = parsed.Code, NameVi = parsed.NameVi, NameEn = parsed.NameEn };
                db.Categories.Add(category);
            }

            category.NameVi = parsed.NameVi;
            category.NameEn = parsed.NameEn;
            category.AcknowledgeWithin = parsed.AcknowledgeWithin;
            category.ResolveWithin = parsed.ResolveWithin;
            category.RoundTheClock = parsed.RoundTheClock;
            category.SortOrder = parsed.SortOrder;
            category.EscalateEvery = parsed.Chase.EscalateEvery;
            category.ProgressEvery = parsed.Chase.ProgressEvery;
            category.AutoCloseAfter = parsed.Chase.AutoCloseAfter;
            category.ResolveEvidence = parsed.ResolveEvidence;
        }

        var used = await db.Cases.Select(c => c.CategoryId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var removed in existing.Values)
        {
            if (used.Contains(removed.Id))
            {
                errors.Add(new DirectoryError(name, null, "$.categories",
                    $"category '{removed.Code}' is missing from the file but cases use it; keep it in the file"));
            }
            else
            {
                db.Categories.Remove(removed);
            }
        }
    }

    private async Task<Dictionary<string, Area>> ApplyAreasAsync(ValidatedDirectory file, string name, List<DirectoryError> errors, CancellationToken cancellationToken)
    {
        var existing = await db.Areas.ToDictionaryAsync(a => a.Code, StringComparer.OrdinalIgnoreCase, cancellationToken).ConfigureAwait(false);
        var areas = new Dictionary<string, Area>(StringComparer.OrdinalIgnoreCase);
        foreach (var parsed in file.Areas)
        {
            if (!existing.Remove(parsed.Code, out var area))
            {
                area = new Area { Code = parsed.Code, Name = parsed.Name };
                db.Areas.Add(area);
            }

            area.Name = parsed.Name;
            area.Level = parsed.Level;
            area.BoundaryGeoJson = parsed.BoundaryGeoJson;
            area.DialoguesPerYear = parsed.DialoguesPerYear;
            if (!area.Aliases.SequenceEqual(parsed.Aliases, StringComparer.Ordinal))
            {
                area.Aliases = [.. parsed.Aliases];
            }

            areas[parsed.Code] = area;
        }

        foreach (var parsed in file.Areas)
        {
            var area = areas[parsed.Code];
            var parent = parsed.ParentCode is { } code ? areas[code] : null;
            area.Parent = parent;
            area.ParentId = parent?.Id is > 0 ? parent.Id : null;
        }

        var used = await db.Cases.Select(c => c.AreaId)
            .Union(db.Set<Dialogue>().Select(d => d.ScopeAreaId)).Union(db.Set<Dialogue>().Select(d => d.LeaderAreaId))
            .Union(db.Set<DialogueQuestion>().Select(q => q.AreaId))
            .Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var removed in existing.Values)
        {
            if (used.Contains(removed.Id))
            {
                errors.Add(new DirectoryError(name, null, "$.areas",
                    $"area '{removed.Code}' is missing from the file but cases use it; keep it in the file"));
            }
            else
            {
                db.Areas.Remove(removed);
            }
        }

        return areas;
    }

    private async Task ApplyOfficialsAsync(
        ValidatedDirectory file, string name, List<DirectoryError> errors, Dictionary<string, Area> areas, CancellationToken cancellationToken)
    {
        var existing = await db.Officials.Include(o => o.Posts).Include(o => o.Identities).AsSplitQuery()
            .ToDictionaryAsync(o => o.Code, StringComparer.OrdinalIgnoreCase, cancellationToken).ConfigureAwait(false);
        var accounts = existing.Values.SelectMany(o => o.Identities.Select(i => (i.Channel, i.ExternalId, o.Code)))
            .ToDictionary(a => (a.Channel, a.ExternalId), a => a.Code);
        var areaCodes = areas.Values.Where(a => a.Id > 0).ToDictionary(a => a.Id, a => a.Code);
        foreach (var (parsed, index) in file.Officials.Select((o, i) => (o, i)))
        {
            if (!existing.Remove(parsed.Code, out var official))
            {
                official = new Official { Code = parsed.Code, FullName = parsed.FullName, Title = parsed.Title };
                db.Officials.Add(official);
            }

            official.FullName = parsed.FullName;
            official.Title = parsed.Title;
            official.Phone = parsed.Phone;

            ApplyIdentities(official, parsed, $"$.officials[{index}]", name, errors, accounts);
            ApplyPosts(official, parsed.Posts, areas, areaCodes);
        }

        // Officials who left keep their row while cases or the case log name them, but lose every post,
        // so the routing engine never picks them again.
        var named = await db.CaseEvents.Select(e => e.OfficialId).Union(db.CaseEvents.Select(e => e.AddresseeId))
            .Union(db.Cases.Select(c => c.AccountableOfficialId))
            .Union(db.Set<Dialogue>().Select(d => (int?)d.LeaderOfficialId)).Union(db.Set<Dialogue>().Select(d => (int?)d.AnnouncedByOfficialId))
            .Union(db.Set<DialogueQuestion>().Select(q => (int?)q.ResponsibleOfficialId)).Union(db.Set<DialogueQuestion>().Select(q => q.AnsweredByOfficialId))
            .Where(id => id != null).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var removed in existing.Values)
        {
            db.Posts.RemoveRange(removed.Posts);
            if (!named.Contains(removed.Id))
            {
                db.Officials.Remove(removed);
            }
        }
    }

    private void ApplyPosts(Official official, IReadOnlyList<ParsedPost> wanted, Dictionary<string, Area> areas, Dictionary<int, string> areaCodes)
    {
        var current = official.Posts
            .Where(p => areaCodes.ContainsKey(p.AreaId))
            .ToDictionary(p => new ParsedPost(areaCodes[p.AreaId], p.Kind, p.CategoryCode, p.Rank, p.ValidFrom, p.ValidTo).Key);
        var keep = new HashSet<Post>();
        foreach (var parsed in wanted)
        {
            if (current.TryGetValue(parsed.Key, out var post))
            {
                post.Rank = parsed.Rank;
                post.CategoryCode = parsed.CategoryCode;
            }
            else
            {
                post = new Post
                {
                    Area = areas[parsed.AreaCode],
                    Kind = parsed.Kind,
                    CategoryCode = parsed.CategoryCode,
                    Rank = parsed.Rank,
                    ValidFrom = parsed.ValidFrom,
                    ValidTo = parsed.ValidTo,
                };
                official.Posts.Add(post);
            }

            keep.Add(post);
        }

        db.Posts.RemoveRange(official.Posts.Where(p => !keep.Contains(p)).ToList());
    }
}
