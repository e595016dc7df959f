using ResidentBot.Routing.Areas;
using ResidentBot.Routing.Officials;
using ResidentBot.Routing.Who;

namespace ResidentBot.Routing.Tests.Who;

public sealed class AccountableResolverPropertyTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] CategoryCodes = ["waste", "land", "lighting"];

    [Fact]
    public void Any_random_directory_has_exactly_one_valid_accountable_official_at_any_instant()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var random = new Random(seed);
            var d = new TestDirectory();
            var areas = RandomTree(d, random);
            d.Holder("Root leader", areas[0], PostKind.Leader);
            for (var i = random.Next(0, 3 * areas.Count); i > 0; i--)
            {
                RandomPost(d, random, areas);
            }

            var directory = d.Build();
            var resolver = new AccountableResolver(directory);
            for (var probe = 0; probe < 20; probe++)
            {
                var area = areas[random.Next(areas.Count)];
                var category = CategoryCodes[random.Next(CategoryCodes.Length)];
                var instant = Epoch.AddHours(random.Next(-24 * 30, 24 * 400));

                var who = resolver.Resolve(area.Id, category, instant);

                Assert.True(who.Post.IsValidAt(instant), $"seed {seed}: post {who.Post.Id} is not valid at {instant:O}");
                Assert.Equal(who.Official.Id, who.Post.OfficialId);
                Assert.Contains(who.Post.AreaId, directory.SelfAndAncestors(area.Id).Select(a => a.Id));
                Assert.Equal(who, resolver.Resolve(area.Id, category, instant));
            }
        }
    }

    private static List<Area> RandomTree(TestDirectory d, Random random)
    {
        var depth = random.Next(2, 5);
        var areas = new List<Area> { d.Area("R", "Tỉnh R", AreaLevel.Province) };
        var level = new List<Area> { areas[0] };
        for (var i = 1; i < depth; i++)
        {
            var next = new List<Area>();
            foreach (var parent in level)
            {
                for (var c = random.Next(1, 4); c > 0; c--)
                {
                    next.Add(d.Area($"{parent.Code}.{c}", $"Area {parent.Code}.{c}", AreaLevel.Ward, parent));
                }
            }

            areas.AddRange(next);
            level = next;
        }

        return areas;
    }

    private static void RandomPost(TestDirectory d, Random random, List<Area> areas)
    {
        var kinds = Enum.GetValues<PostKind>();
        DateTimeOffset? from = random.Next(3) == 0 ? null : Epoch.AddHours(random.Next(-24 * 60, 24 * 365));
        DateTimeOffset? to = random.Next(3) == 0 ? null : (from ?? Epoch).AddHours(random.Next(1, 24 * 120));
        d.Post(d.Official($"O{random.Next()}"), areas[random.Next(areas.Count)], kinds[random.Next(kinds.Length)], from, to,
            random.Next(0, 3), CategoryCodes[random.Next(CategoryCodes.Length)]);
    }
}
