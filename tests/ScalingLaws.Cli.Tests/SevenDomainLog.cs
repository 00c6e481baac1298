using System.Globalization;
using System.Text;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// A simulated 7-domain mixture log as a user builds one: a design of 40 mixtures drawn from a flat Dirichlet
/// (seed 5) × 4 model sizes (0.1, 0.25, 0.5, 1.2B) × 3 token counts (20, 40, 80 per parameter), 480 runs, with
/// losses from <c>simulate</c> (0.5 % noise, seed 1).
/// </summary>
internal static class SevenDomainLog
{
    public static readonly string[] Domains = ["h_web", "h_code", "h_books", "h_wiki", "h_math", "h_arxiv", "h_forum"];

    /// <summary>Writes the design, runs <c>simulate --law <paramref name="law"/> --params <paramref name="parameters"/></c> and returns the runs file.</summary>
    public static string Simulate(string law, string parameters)
    {
        var inv = CultureInfo.InvariantCulture;
        var random = new Random(5);
        var design = new StringBuilder("N,D," + string.Join(",", Domains) + "\n");
        for (int m = 0; m < 40; m++)
        {
            var g = Domains.Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
            double sum = g.Sum();
            string h = string.Join(",", g.Select(v => (v / sum).ToString("R", inv)));
            foreach (double n in new[] { 1e8, 2.5e8, 5e8, 1.2e9 })
                foreach (double tokensPerParameter in new[] { 20.0, 40, 80 })
                    design.Append(n.ToString("R", inv)).Append(',').Append((n * tokensPerParameter).ToString("R", inv)).Append(',').Append(h).Append('\n');
        }
        string designFile = CliRunner.WriteTemp(law + "-design.csv", design.ToString());
        string runs = Path.Combine(Path.GetDirectoryName(designFile)!, law + "-runs.csv");
        var sim = CliRunner.Run("simulate", "--law", law, "--domains", string.Join(",", Domains), "--params", parameters,
            "--design", designFile, "--noise", "0.005", "--seed", "1", "--out", runs);
        if (sim.ExitCode != 0) throw new InvalidOperationException(sim.Error);
        return runs;
    }

    /// <summary>
    /// Fits <paramref name="runs"/> without the 1.2B runs (<c>fit --where "N &lt; 1e9"</c> plus <paramref name="fitOptions"/>),
    /// predicts every run with <c>predict --confidence <paramref name="level"/></c> and returns how many of the 1.2B runs
    /// the intervals cover, their count and the mean relative error on them.
    /// </summary>
    public static (int Inside, int Total, double RelativeError) HeldOutLargestSize(string law, string runs, double level, params string[] fitOptions)
    {
        string fitFile = Path.Combine(Path.GetDirectoryName(runs)!, law + "-fit.json");
        var fit = CliRunner.Run(["fit", "--data", runs, "--law", law, "--weights", "h_*", "--where", "N < 1e9", .. fitOptions,
            "--no-scale-holdout", "--format", "json", "-o", fitFile]);
        if (fit.ExitCode != 0) throw new InvalidOperationException(fit.Error);
        var predicted = CliRunner.Run("predict", "--fit", fitFile, "--data", runs, "--confidence", level.ToString("R", CultureInfo.InvariantCulture), "--format", "json");
        if (predicted.ExitCode != 0) throw new InvalidOperationException(predicted.Error);
        int inside = 0, total = 0;
        double relativeError = 0;
        foreach (var p in predicted.Json.GetProperty("predictions").EnumerateArray())
        {
            if (p.GetProperty("at").GetProperty("N").GetDouble() < 1e9) continue;
            var interval = p.GetProperty("interval");
            double lo = interval.GetProperty("lower").GetDouble(), hi = interval.GetProperty("upper").GetDouble(), y = p.GetProperty("observed").GetDouble();
            total++;
            if (lo <= y && y <= hi) inside++;
            relativeError += Math.Abs(p.GetProperty("prediction").GetDouble() - y) / y;
        }
        return (inside, total, relativeError / total);
    }
}
