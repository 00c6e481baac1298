using ScalingLaws.Data;
using ScalingLaws.Laws;
using ScalingLaws.Nested;
using ScalingLaws.Plotting.Nested;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Nested;

public sealed class NestedFiguresTests
{
    [Fact]
    public void TheReportHoldsAFigurePerStageAndTheTargetParity()
    {
        var n = new List<double>(); var s = new List<double>(); var a = new List<double>(); var y = new List<double>();
        foreach (double size in (double[])[1e7, 3e7, 1e8, 3e8, 1e9])
            foreach (double share in (double[])[0.1, 0.3, 0.5, 0.7, 0.9])
                foreach (double step in size == 1e9 ? (double[])[1e5] : [1000, 2000, 4000, 8000, 16000])
                {
                    n.Add(size); s.Add(step); a.Add(share);
                    y.Add(2 + 0.3 * share + Math.Pow(3e7 / size, 0.3) + Math.Pow(2000 / step, 0.5));
                }
        var table = new RunTable("runs.csv", [RunColumn.Numeric("N", n), RunColumn.Numeric("step", s), RunColumn.Numeric("h_a", a),
            RunColumn.Numeric("h_b", a.Select(v => 1 - v).ToList()), RunColumn.Numeric("loss", y)]);
        var fit = NestedPipeline.Fit(table, new NestedOptions
        {
            TargetModelSize = 1e9, TargetStep = 1e5, Targets = ["loss"], Domains = ["h_a", "h_b"],
            MixtureLaw = FormulaLaw.Create("c + d*h_a", ["h_a", "h_b"]),
        });
        string folder = Path.Combine(Path.GetTempPath(), "nested-figures-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = NestedFigures.WriteReport(folder, fit, "summary", NestedPrediction.For(fit, []));
            Assert.Equal(3, files.Figures.Length);
            Assert.All(files.Figures, f => Assert.True(new FileInfo(f).Length > 1000));
            Assert.Contains("Stage 2: size laws", File.ReadAllText(files.Markdown), StringComparison.Ordinal);
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
    }
}
