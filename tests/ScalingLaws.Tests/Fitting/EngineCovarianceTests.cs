using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>For a linear model the fit and its covariance are the closed-form OLS ones: θ̂ = (XᵀX)⁻¹Xᵀy, Cov = σ̂²(XᵀX)⁻¹.</summary>
public class EngineCovarianceTests
{
    [Theory]
    [InlineData(0.05, 30)]
    [InlineData(1.0, 12)]
    [InlineData(0.001, 200)]
    public void StraightLineMatchesClosedFormOls(double noise, int n)
    {
        var data = Line(noise, n);
        var x = data.X.ToArray();
        var y = data.Y.ToArray();
        double sx = x.Sum(), sy = y.Sum(), sxx = x.Sum(v => v * v), sxy = x.Zip(y).Sum(p => p.First * p.Second);
        double det = n * sxx - sx * sx;
        double b = (n * sxy - sx * sy) / det, a = (sy - b * sx) / n;
        double rss = x.Zip(y).Sum(p => Math.Pow(p.Second - a - b * p.First, 2));
        double s2 = rss / (n - 2);
        // (XᵀX)⁻¹ = [[Σx², −Σx], [−Σx, n]] / det.
        double varA = s2 * sxx / det, varB = s2 * n / det, covAB = -s2 * sx / det;

        var fit = LevenbergMarquardt.Fit(LineLaw(), data);
        Assert.True(fit.IsUsable);
        AssertRelative(a, fit["a"].Value, 1e-10, "a");
        AssertRelative(b, fit["b"].Value, 1e-10, "b");
        AssertRelative(Math.Sqrt(varA), fit["a"].StandardError!.Value, 1e-10, "se(a)");
        AssertRelative(Math.Sqrt(varB), fit["b"].StandardError!.Value, 1e-10, "se(b)");
        AssertRelative(covAB, fit.Covariance.Get("a", "b")!.Value, 1e-10, "cov(a, b)");
        AssertRelative(s2, fit.Covariance.ResidualVariance, 1e-10, "σ̂²");
        AssertRelative(rss, fit.Statistics.ResidualSumOfSquares, 1e-10, "RSS");
        Assert.Equal(n - 2, fit.Statistics.DegreesOfFreedom);
    }

    [Fact]
    public void WeightedLineMatchesClosedFormWeightedLeastSquares()
    {
        var line = Line(0.3, 25);
        var x = line.X.ToArray();
        var y = line.Y.ToArray();
        double[] w = [.. Enumerable.Range(0, 25).Select(i => 0.5 + (i % 5))];
        double sw = w.Sum(), swx = w.Zip(x).Sum(p => p.First * p.Second), swy = w.Zip(y).Sum(p => p.First * p.Second);
        double swxx = Enumerable.Range(0, 25).Sum(i => w[i] * x[i] * x[i]), swxy = Enumerable.Range(0, 25).Sum(i => w[i] * x[i] * y[i]);
        double det = sw * swxx - swx * swx;
        double b = (sw * swxy - swx * swy) / det, a = (swy - b * swx) / sw;
        double rss = Enumerable.Range(0, 25).Sum(i => w[i] * Math.Pow(y[i] - a - b * x[i], 2));
        double s2 = rss / 23;

        var fit = LevenbergMarquardt.Fit(LineLaw(), new FitData(["x"], x, y, w));
        AssertRelative(a, fit["a"].Value, 1e-10, "a");
        AssertRelative(b, fit["b"].Value, 1e-10, "b");
        AssertRelative(Math.Sqrt(s2 * swxx / det), fit["a"].StandardError!.Value, 1e-10, "se(a)");
        AssertRelative(Math.Sqrt(s2 * sw / det), fit["b"].StandardError!.Value, 1e-10, "se(b)");
    }

    [Fact]
    public void QuadraticMatchesNormalEquations()
    {
        int n = 40;
        double[] x = [.. Enumerable.Range(0, n).Select(i => -1 + 0.05 * i)];
        double[] y = [.. x.Select((v, i) => 0.3 - 1.2 * v + 2.5 * v * v + 0.1 * Noise(i))];
        var design = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, 3, (i, j) => Math.Pow(x[i], j));
        var yv = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y);
        var inverse = (design.TransposeThisAndMultiply(design)).Inverse();
        var theta = inverse * design.TransposeThisAndMultiply(yv);
        double s2 = (yv - design * theta).DotProduct(yv - design * theta) / (n - 3);

        var fit = LevenbergMarquardt.Fit(FormulaLaw.Create("c0 + c1*x + c2*x^2", ["x"], ["c0", "c1", "c2"]), new FitData(["x"], x, y));
        for (int j = 0; j < 3; j++)
        {
            AssertRelative(theta[j], fit.Parameters[j].Value, 1e-10, $"c{j}");
            AssertRelative(Math.Sqrt(s2 * inverse[j, j]), fit.Parameters[j].StandardError!.Value, 1e-9, $"se(c{j})");
        }
    }

    [Fact]
    public void CovarianceIsUnavailableWhenNotRequested()
    {
        var fit = LevenbergMarquardt.Fit(LineLaw(), Line(), new FitOptions { ComputeCovariance = false });
        Assert.False(fit.Covariance.IsAvailable);
        Assert.All(fit.Parameters, p => Assert.Null(p.StandardError));
    }

    [Fact]
    public void RankDeficientModelNamesTheUnidentifiableParameters()
    {
        var fit = LevenbergMarquardt.Fit(FormulaLaw.Create("a*b + c*x", ["x"], ["a", "b", "c"]), Line());
        Assert.False(fit.Covariance.IsAvailable);
        Assert.Contains("'a' and 'b' are not separately identifiable", fit.Covariance.Reason);
        Assert.All(fit.Parameters, p => Assert.Null(p.StandardError));
    }
}
