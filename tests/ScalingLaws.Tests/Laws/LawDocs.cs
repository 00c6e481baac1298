using System.Globalization;
using System.Text;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Tests.Laws;

/// <summary>Renders docs/laws.md from the law catalogue, so the page cannot drift from the code.</summary>
public static class LawDocs
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Law catalogue");
        sb.AppendLine();
        sb.AppendLine("Every law `fit --law NAME` accepts (and `LawCatalog.Create(name, domains)` builds). Each is fitted by");
        sb.AppendLine("default the way its paper fits it; `--loss`, `--space`, `--grid`/`--starts`, `--start`, `--bounds`");
        sb.AppendLine("and `--fix` override any part. Mixture laws read the domain-weight columns given by `--weights`;");
        sb.AppendLine("their per-domain parameters are named after the column without its `h_`/`r_` prefix.");
        sb.AppendLine("This page is generated from the catalogue by `LawDocsTests`.");
        sb.AppendLine();
        sb.AppendLine("| name | summary |");
        sb.AppendLine("|---|---|");
        foreach (var e in LawCatalog.Entries) sb.AppendLine($"| [`{e.Name}`](#{e.Name}) | {e.Summary} |");
        foreach (var e in LawCatalog.Entries)
        {
            var law = e.Example;
            sb.AppendLine();
            sb.AppendLine($"## {e.Name}");
            sb.AppendLine();
            sb.AppendLine(e.Summary + ".");
            sb.AppendLine();
            sb.AppendLine($"- **Form:** {e.GeneralForm}");
            sb.AppendLine($"- **Formula (as fitted):** `{law.Formula}`");
            sb.AppendLine($"- **Variables:** {string.Join(", ", law.Variables.Select(v => $"`{v}`"))}{(e.RequiresDomains ? " (the domain columns are examples: the law takes any list of weight columns)" : "")}");
            var recipe = law.DefaultRecipe(SampleData(law));
            sb.AppendLine($"- **Default fit:** loss `{recipe.Loss.ToText()}`, residual space `{recipe.Space.ToString().ToLowerInvariant()}`, starts: {DescribeStarts(recipe.Starts)}");
            if (recipe.Fixed.Count > 0)
                sb.AppendLine($"- **Fixed by default (gauge):** {string.Join(", ", recipe.Fixed.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"`{f.Key} = {Number(f.Value)}`"))} for these example rows; `--fix` or `--bounds` on that parameter replaces the pin");
            sb.AppendLine($"- **Citation:** {e.Citation}");
            sb.AppendLine();
            sb.AppendLine("| parameter | lower | upper | initial | meaning |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var p in law.Parameters)
                sb.AppendLine($"| `{p.Name}` | {Number(p.Lower)} | {Number(p.Upper)} | {Number(p.Initial)} | {p.Description.Replace("|", "\\|")} |");
        }
        return sb.ToString();
    }

    private static string Number(double v) => double.IsNegativeInfinity(v) ? "−∞" : double.IsPositiveInfinity(v) ? "∞" : v.ToString("G6", Inv);

    private static string DescribeStarts(StartPoints starts) => starts switch
    {
        GridStarts g => $"grid of {g.Count.ToString("N0", Inv)} points ({string.Join("; ", g.Axes.Select(a => $"{a.Parameter} ∈ {{{string.Join(", ", a.Values.Select(v => v.ToString("G4", Inv)))}}}"))})",
        RandomStarts r => $"{r.Count.ToString("N0", Inv)} quasi-random starts" + (r.Ranges is { Count: > 0 } ranges
            ? " in " + string.Join(", ", ranges.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} ∈ [{p.Value.Lower.ToString("G4", Inv)}, {p.Value.Upper.ToString("G4", Inv)}]"))
            : ""),
        ExplicitStarts e => e.Points.IsDefaultOrEmpty ? "one start at the initial values" : $"{e.Points.Length.ToString("N0", Inv)} starts derived from the data",
        _ => starts.GetType().Name,
    };

    /// <summary>Eight plausible rows for the law's variables (recipes may scale starts from the data).</summary>
    public static FitData SampleData(IScalingLaw law)
    {
        int n = 8;
        var x = new double[n * law.Variables.Length];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = (i + 1.0) / n;
            for (int j = 0; j < law.Variables.Length; j++)
            {
                string v = law.Variables[j];
                x[i * law.Variables.Length + j] = v switch
                {
                    "N" => 1e8 * Math.Pow(10, 2 * t),
                    "D" => 2e9 * Math.Pow(10, 2 * t),
                    "U" => 1e9 * Math.Pow(10, t),
                    "C" => 1e18 * Math.Pow(10, 3 * t),
                    "M" => 5 + 40 * t,
                    "T" or "x" or "s" => 1e3 * Math.Pow(10, 2 * t),
                    "K" => 1 + t,
                    _ => 0.1 + 0.8 * t,
                };
            }
            y[i] = 3.2 - 0.6 * t;
        }
        return new FitData(law.Variables, x, y);
    }
}
