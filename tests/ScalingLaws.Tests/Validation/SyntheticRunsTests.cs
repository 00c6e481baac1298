using System.Globalization;
using ScalingLaws.Data;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;

namespace ScalingLaws.Tests.Validation;

public class SyntheticRunsTests
{
    private static readonly Dictionary<string, double> Hoffmann = new()
    {
        ["a"] = Math.Log(406.4), ["b"] = Math.Log(410.7), ["e"] = Math.Log(1.69), ["alpha"] = 0.34, ["beta"] = 0.28,
    };

    [Fact]
    public void NoiselessRunsEqualTheLaw()
    {
        var law = new ChinchillaLaw();
        var design = SyntheticDesign.Grid(("N", [7e10]), ("D", [1.4e12]));
        var runs = SyntheticRuns.Generate(law, Hoffmann, design, relativeNoise: 0, seed: 1);
        double expected = 1.69 + 406.4 / Math.Pow(7e10, 0.34) + 410.7 / Math.Pow(1.4e12, 0.28);
        Assert.Equal(expected, runs.Numeric("loss")[0], 1e-12);
        Assert.Equal(expected, runs.Numeric("loss_true")[0], 1e-12);
        Assert.Equal(["N", "D", "loss", "loss_true"], runs.ColumnNames.ToArray());
    }

    [Fact]
    public void NoiseIsSeededMultiplicativeAndOfTheGivenSize()
    {
        var law = new ChinchillaLaw();
        var design = SyntheticDesign.Grid(("N", SyntheticDesign.LogSpace(1e7, 1e10, 40)), ("D", SyntheticDesign.LogSpace(1e9, 1e12, 50)));
        var a = SyntheticRuns.Generate(law, Hoffmann, design, 0.02, seed: 5);
        var b = SyntheticRuns.Generate(law, Hoffmann, design, 0.02, seed: 5);
        var c = SyntheticRuns.Generate(law, Hoffmann, design, 0.02, seed: 6);
        Assert.Equal(a.Numeric("loss").ToArray(), b.Numeric("loss").ToArray());
        Assert.NotEqual(a.Numeric("loss").ToArray(), c.Numeric("loss").ToArray());
        var logRatio = a.Numeric("loss").Zip(a.Numeric("loss_true"), (y, f) => Math.Log(y / f)).ToArray();
        double mean = logRatio.Average();
        double sd = Math.Sqrt(logRatio.Sum(v => (v - mean) * (v - mean)) / (logRatio.Length - 1));
        Assert.Equal(2000, logRatio.Length);
        Assert.InRange(mean, -0.002, 0.002); // 4 standard errors of the mean
        Assert.InRange(sd, 0.0188, 0.0212);  // 4 standard errors of the SD
    }

    [Fact]
    public void ParametersAreCheckedByName()
    {
        var law = new ChinchillaLaw();
        var design = SyntheticDesign.Grid(("N", [1e9]), ("D", [1e10]));
        var missing = Assert.Throws<ArgumentException>(() => SyntheticRuns.Generate(law, new Dictionary<string, double> { ["a"] = 1 }, design, 0.01, 0));
        Assert.Contains("No value for parameter(s) 'b', 'e', 'alpha', 'beta'", missing.Message);
        var unknown = Assert.Throws<ArgumentException>(() => SyntheticRuns.Generate(law, new Dictionary<string, double>(Hoffmann) { ["gamma"] = 1 }, design, 0.01, 0));
        Assert.Contains("Unknown parameter(s) 'gamma'", unknown.Message);
        var bounds = Assert.Throws<ArgumentException>(() => SyntheticRuns.Generate(law, new Dictionary<string, double>(Hoffmann) { ["alpha"] = -1 }, design, 0.01, 0));
        Assert.Contains("Value of 'alpha' (-1) lies outside its bounds [0, Infinity]", bounds.Message);
        Assert.Throws<ArgumentException>(() => SyntheticRuns.Generate(law, Hoffmann, design, -0.01, 0));
        var noColumn = Assert.Throws<DataException>(() => SyntheticRuns.Generate(law, Hoffmann, SyntheticDesign.Grid(("N", [1e9])), 0.01, 0));
        Assert.Contains("'D'", noColumn.Message);
    }

    [Fact]
    public void DefaultDesignsCoverEveryCatalogueLaw()
    {
        foreach (string name in LawCatalog.Names)
        {
            var law = LawCatalog.Create(name, ["h_web", "h_code", "h_books"]);
            var design = SyntheticDesign.ForLaw(law, seed: 3);
            Assert.Equal(law.Variables.ToArray(), design.ColumnNames.ToArray());
            Assert.True(design.RowCount >= 6, name);
            if (name == "data-constrained")
                Assert.All(design.Rows, r => Assert.True(r.Number("D") >= r.Number("U")));
            if (LawCatalog.RequiresDomains(name))
                Assert.All(design.Rows, r => Assert.Equal(1, r.Number("h_web") + r.Number("h_code") + r.Number("h_books"), 1e-12));
        }
    }

    [Fact]
    public void SimplexGridListsTheLattice()
    {
        var grid = SyntheticDesign.SimplexGrid(["x", "y", "z"], 2);
        Assert.Equal(6, grid.RowCount);
        var rows = grid.Rows.Select(r => string.Join("/", grid.ColumnNames.Select(c => r.Number(c).ToString(CultureInfo.InvariantCulture)))).ToArray();
        Assert.Equal(["1/0/0", "0.5/0.5/0", "0.5/0/0.5", "0/1/0", "0/0.5/0.5", "0/0/1"], rows);
        var cross = SyntheticDesign.Cross(SyntheticDesign.Grid(("N", [1, 2])), grid);
        Assert.Equal(12, cross.RowCount);
        Assert.Equal(["N", "x", "y", "z"], cross.ColumnNames.ToArray());
        Assert.Equal(1e7, SyntheticDesign.LogSpace(1e7, 1e10, 4)[0]);
        Assert.Equal(1e10, SyntheticDesign.LogSpace(1e7, 1e10, 4)[3]);
        Assert.Equal(1e8, SyntheticDesign.LogSpace(1e7, 1e10, 4)[1], 1e-3);
    }

    [Fact]
    public void SimplexPointsSumToOne()
    {
        var points = SyntheticDesign.Simplex(["a", "b", "c", "d"], 100, seed: 9);
        Assert.All(points.Rows, r => Assert.Equal(1, points.ColumnNames.Sum(r.Number), 1e-12));
        Assert.Equal(points.Numeric("a").ToArray(), SyntheticDesign.Simplex(["a", "b", "c", "d"], 100, seed: 9).Numeric("a").ToArray());
    }
}
