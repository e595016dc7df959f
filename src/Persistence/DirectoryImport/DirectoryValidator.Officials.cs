using System.Globalization;
using ResidentBot.Routing.Officials;

namespace ResidentBot.Persistence.DirectoryImport;

internal sealed partial class DirectoryValidator
{
    private List<ParsedOfficial> ValidateOfficials(List<OfficialNode?>? nodes)
    {
        var result = new List<ParsedOfficial>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accounts = new Dictionary<(string Channel, string Id), string>();
        foreach (var (node, at) in Nodes(nodes, "$.officials"))
        {
            var code = Code(node.Code, at + ".code", codes);
            var fullName = Required(node.FullName, at + ".fullName");
            var title = Required(node.Title, at + ".title");
            var identities = ValidateIdentities(node, at, code, accounts);

            var posts = new List<ParsedPost>();
            var keys = new HashSet<(string, PostKind, string, long?, long?)>();
            for (var i = 0; node.Posts is not null && i < node.Posts.Count; i++)
            {
                var post = ValidatePost(node.Posts[i], $"{at}.posts[{i}]");
                if (post is not null && !keys.Add(post.Key))
                {
                    Error($"{at}.posts[{i}]", "the same post is listed twice");
                }
                else if (post is not null)
                {
                    posts.Add(post);
                }
            }

            if (code is not null && fullName is not null && title is not null)
            {
                result.Add(new ParsedOfficial(code, fullName, title, string.IsNullOrWhiteSpace(node.Phone) ? null : node.Phone.Trim(), identities, posts));
            }
        }

        return result;
    }

    private ParsedPost? ValidatePost(PostNode? node, string at)
    {
        if (node is null)
        {
            Error(at, "must be an object");
            return null;
        }

        Unknown(node, at);
        var area = Required(node.Area, at + ".area");
        if (area is not null && !areaCodes.Contains(area))
        {
            Error(at + ".area", $"unknown area '{area}'");
            area = null;
        }

        PostKind? kind = null;
        if (Required(node.Kind, at + ".kind") is { } kindText)
        {
            kind = Enum.TryParse<PostKind>(kindText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(kindText[0])
                ? parsed
                : Fail<PostKind?>(at + ".kind", $"'{kindText}' must be leader, deputy, specialist or supervisor");
        }

        var category = string.IsNullOrWhiteSpace(node.Category) ? null : node.Category.Trim();
        if (kind == PostKind.Specialist && category is null)
        {
            Error(at + ".category", "is required for a specialist post");
        }
        else if (category is not null && kind != PostKind.Specialist)
        {
            Error(at + ".category", "is only for specialist posts");
        }
        else if (category is not null && !categoryCodes.Contains(category))
        {
            Error(at + ".category", $"unknown category '{category}'");
        }

        var from = Instant(node.ValidFrom, at + ".validFrom");
        var to = Instant(node.ValidTo, at + ".validTo");
        if (from is not null && to is not null && to <= from)
        {
            Error(at + ".validTo", "must be after validFrom");
        }

        if (node.Rank is < 0)
        {
            Error(at + ".rank", "must not be negative");
        }

        return area is null || kind is null ? null : new ParsedPost(area, kind.Value, category, node.Rank ?? 0, from, to);
    }

    /// <summary>A date means midnight in the directory's time zone; a full timestamp needs its offset.</summary>
    private DateTimeOffset? Instant(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = date.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, timeZone.GetUtcOffset(local)).ToUniversalTime();
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal)))
        {
            return instant.ToUniversalTime();
        }

        Error(path, $"'{text}' is not a date (2026-03-01) or a timestamp with offset (2026-03-01T07:30:00+07:00)");
        return null;
    }
}
