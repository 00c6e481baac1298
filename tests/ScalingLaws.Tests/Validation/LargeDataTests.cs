using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// The validation steps on many rows: ranks, largest values and splits give what their definitions give, and the scale
/// hold-out after a fit allocates a bounded number of bytes per row (a refit's copy of the rows and its row cache, the
/// in-sample predictions and their ranks; no per-row objects, no second copy).
/// </summary>
public class LargeDataTests
{
    /// <summary>Ranks by the definition: 1 + (number of smaller values) + (number of other equal values)/2.</summary>
    private static double[] DefinitionRanks(double[] values) =>
        [.. values.Select(v => 1 + values.Count(w => w.CompareTo(v) < 0) + 0.5 * (values.Count(w => w.CompareTo(v) == 0) - 1))];

    [Property(MaxTest = 300)]
    public Property RanksFollowTheDefinitionWithTiesSignedZerosAndNaN(int[] codes)
    {
        // Few distinct values, so that ties are common; −0 and +0 tie, NaN ranks below every number.
        double[] palette = [double.NaN, -0.0, 0.0, 1, -1, 2.5, double.NegativeInfinity, 1e300];
        var values = codes.Select(c => palette[(c % palette.Length + palette.Length) % palette.Length]).ToArray();
        return Metrics.Ranks(values).SequenceEqual(DefinitionRanks(values)).Label(string.Join(",", values));
    }

    [Property(MaxTest = 200)]
    public Property LargestValueIsEnumerableMaxOfTheColumn(NormalFloat[] a, int nanEvery)
    {
        int every = Math.Abs(nanEvery % 4) + 2;
        var x = a.Select((v, i) => i % every == 0 ? double.NaN : v.Get).ToArray();
        return (x.Length > 0).Implies(() =>
        {
            var data = new FitData(["v"], x, new double[x.Length]);
            double expected = data.Column("v").Max();
            return expected.Equals(data.Max("v"));
        });
    }

    [Fact]
    public void SplitFromTestRowsKeepsTheChecksOfTheConstructor()
    {
        var split = HoldOutSplit.FromTestRows(6, [4, 1, 4]);
        Assert.Equal([0, 2, 3, 5], split.FitRows.ToArray());
        Assert.Equal([1, 4], split.TestRows.ToArray());
        Assert.Contains("outside", Assert.Throws<ArgumentException>(() => HoldOutSplit.FromTestRows(3, [7])).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new HoldOutSplit(4, [0, 1], [1, 2])).Message);
        Assert.Throws<ArgumentException>(() => HoldOutSplit.FromTestRows(2, [0, 1]));
    }

    [Fact]
    public void ScaleHoldOutAllocatesABoundedNumberOfBytesPerRow()
    {
        const int rows = 100_000;
        var (x, y, _) = ChinchillaShapedLog.Create(rows, seed: 3, noise: 0.01);
        var law = FormulaLaw.Create("E + A*N^-alpha + B*D^-beta", ["N", "D"]);
        var data = new FitData(law.Variables, x, y, target: "loss");
        var start = new Dictionary<string, double> { ["E"] = 1.5, ["A"] = 300, ["alpha"] = 0.3, ["B"] = 300, ["beta"] = 0.3 };
        var fit = LevenbergMarquardt.Fit(law, data, new FitOptions { MaxDegreeOfParallelism = 1, Starts = new ExplicitStarts([start.ToImmutableDictionary()]) });

        long before = GC.GetAllocatedBytesForCurrentThread();
        var (result, reason) = ScaleHoldOut.Evaluate(fit, data);
        long perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / rows;

        Assert.True(result is not null, reason);
        Assert.Equal(rows - 1, result.FitRows.Length);
        // Fit rows copied once (24 bytes), the refit's row cache (32), the split (4), in-sample predictions (8) and
        // their ranks (28): 96, plus the solver's block buffers. A second copy of the rows, index hash sets over every
        // row and comparison sorts took about 180.
        Assert.True(perRow <= 112, $"{perRow} bytes per row");
    }
}
