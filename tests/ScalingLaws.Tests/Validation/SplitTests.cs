using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Data;
using ScalingLaws.Validation;
using Xunit;

namespace ScalingLaws.Tests.Validation;

public class SplitTests
{
    [Property(MaxTest = 100)]
    public Property KFoldPredictsEveryRowExactlyOnce(PositiveInt rows, PositiveInt folds, int seed)
    {
        int n = rows.Get % 200 + 2, k = folds.Get % n + 1;
        return (k >= 2).Implies(() =>
        {
            var splits = CrossValidation.KFoldSplits(n, k, seed);
            var tested = splits.SelectMany(s => s.TestRows).Order().ToArray();
            bool sizes = splits.Max(s => s.TestRows.Length) - splits.Min(s => s.TestRows.Length) <= 1;
            bool complements = splits.All(s => s.FitRows.Length + s.TestRows.Length == n && !s.FitRows.Intersect(s.TestRows).Any());
            return tested.SequenceEqual(Enumerable.Range(0, n)) && sizes && complements && splits.Length == k;
        });
    }

    [Fact]
    public void SplitsDependOnlyOnTheSeed()
    {
        var a = CrossValidation.KFoldSplits(50, 5, 42);
        var b = CrossValidation.KFoldSplits(50, 5, 42);
        var c = CrossValidation.KFoldSplits(50, 5, 43);
        Assert.True(a.Zip(b).All(p => p.First.TestRows.SequenceEqual(p.Second.TestRows)));
        Assert.False(a.Zip(c).All(p => p.First.TestRows.SequenceEqual(p.Second.TestRows)));
        var r = CrossValidation.RandomSplits(26, 6, 20, 0);
        Assert.Equal(20, r.Length);
        Assert.All(r, s => { Assert.Equal(6, s.TestRows.Length); Assert.Equal(20, s.FitRows.Length); });
        Assert.Equal(r[3].TestRows.ToArray(), HoldOutSplit.Random(26, 6, 3).TestRows.ToArray());
    }

    [Fact]
    public void ByLargestHoldsOutTheLargestValues()
    {
        var table = new RunTable("t", [RunColumn.Numeric("N", [1e8, 1e9, 1e8, 4e9, double.NaN, 4e9, 2e9])]);
        var split = HoldOutSplit.ByLargest(table, "N");
        Assert.Equal([0, 1, 2, 6], split.FitRows.ToArray());
        Assert.Equal([3, 5], split.TestRows.ToArray());
        var two = HoldOutSplit.ByLargest(table, "N", levels: 2);
        Assert.Equal([3, 5, 6], two.TestRows.ToArray());
        Assert.Throws<ArgumentException>(() => HoldOutSplit.ByLargest(table, "N", levels: 4));
    }

    [Fact]
    public void InvalidSplitsAreRejectedWithReasons()
    {
        var overlap = Assert.Throws<ArgumentException>(() => new HoldOutSplit(5, [0, 1], [1, 2]));
        Assert.Contains("Row 1 is listed twice", overlap.Message);
        Assert.Contains("outside the table", Assert.Throws<ArgumentException>(() => new HoldOutSplit(3, [0, 1], [3])).Message);
        Assert.Contains("no rows to predict", Assert.Throws<ArgumentException>(() => HoldOutSplit.FromFitRows(3, [0, 1, 2])).Message);
        Assert.Contains("2 ≤ k ≤ n", Assert.Throws<ArgumentException>(() => CrossValidation.KFoldSplits(3, 4, 0)).Message);
        Assert.Throws<ArgumentException>(() => HoldOutSplit.Random(5, 5, 0));
    }

    [Fact]
    public void WhereFitsOnTheMatchingRows()
    {
        var table = new RunTable("t", [RunColumn.Numeric("N", [1, 2, 3, 4])]);
        var split = HoldOutSplit.Where(table, r => r.Number("N") < 3);
        Assert.Equal([0, 1], split.FitRows.ToArray());
        Assert.Equal([2, 3], split.TestRows.ToArray());
    }
}
