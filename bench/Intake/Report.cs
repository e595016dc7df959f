namespace ResidentBot.Intake.Bench;

/// <summary>The figures of one invocation, printed as a Markdown table; Consistent is false if anything was lost or duplicated.</summary>
internal sealed class Report
{
    private readonly List<(string Name, string Value, string Target)> rows = [];
    private readonly List<string> problems = [];

    public bool Consistent => problems.Count == 0;

    public IReadOnlyList<string> Problems => problems;

    public void Add(string name, string value, string target = "") => rows.Add((name, value, target));

    public void Problem(string text)
    {
        problems.Add(text);
        Console.WriteLine("PROBLEM: " + text);
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| figure | value | target |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, value, target) in rows)
        {
            Console.WriteLine($"| {name} | {value} | {target} |");
        }

        Console.WriteLine();
        Console.WriteLine(Consistent ? "consistency: nothing lost, nothing duplicated" : $"consistency: {problems.Count} problem(s)");
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
